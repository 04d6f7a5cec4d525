using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests;

/// <summary>
/// The use cases wired as the web app and the CLI wire them (AddLtcApplication + AddLtcInfrastructure), over a test
/// cluster, acting as one user. Tests send requests through <see cref="Sender"/> exactly as pages do.
/// </summary>
public sealed class UseCaseHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private UseCaseHost(string appConnectionString, CurrentUser user)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtcApplication();
        services.AddLtcInfrastructure(appConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(user));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _services.CreateAsyncScope();
        Sender = _scope.ServiceProvider.GetRequiredService<ISender>();
    }

    public ISender Sender { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>A host acting for <paramref name="tenant"/> with the given roles (every role when none is given).</summary>
    public static UseCaseHost For(string appConnectionString, string tenant, params string[] roles) =>
        new(appConnectionString, roles.Length == 0
            ? CurrentUser.System(tenant, "test")
            : new CurrentUser("test-" + tenant, "test." + tenant, tenant, roles));

    /// <summary>A host acting as <paramref name="user"/> (e.g. a named admin of a tenant).</summary>
    public static UseCaseHost As(string appConnectionString, CurrentUser user) => new(appConnectionString, user);

    public Task<T> Send<T>(IRequest<T> request, CancellationToken cancellationToken = default) =>
        Sender.Send(request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
