using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// The use cases over the test host's database, wired as the web app and <c>ltc</c> wire them (AddLtcApplication +
/// AddLtcInfrastructure), acting as an operator of one tenant with every role: for tests that set up data the way the
/// command line would, beside the pages under test.
/// </summary>
public sealed class OperatorUseCases : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private OperatorUseCases(string appConnectionString, string tenant)
        : this(appConnectionString, CurrentUser.System(tenant, "test-operator"))
    {
    }

    private OperatorUseCases(string appConnectionString, CurrentUser user)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtcApplication();
        services.AddLtcInfrastructure(appConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(user));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _services.CreateAsyncScope();
    }

    public ISender Sender => _scope.ServiceProvider.GetRequiredService<ISender>();

    public static OperatorUseCases For(string appConnectionString, string tenant) => new(appConnectionString, tenant);

    /// <summary>Acting as <paramref name="user"/> (e.g. one of two admins setting a parameter).</summary>
    public static OperatorUseCases As(string appConnectionString, CurrentUser user) => new(appConnectionString, user);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
