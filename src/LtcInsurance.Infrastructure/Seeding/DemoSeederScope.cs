using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Infrastructure.Seeding;

/// <summary>
/// The services a demo seeder acts through in one tenant: the clerk's use cases, sent as
/// <see cref="DemoContributions.SeederName"/> with every role of the tenant, and a scope to read the database in.
/// </summary>
internal sealed class DemoSeederScope : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    private DemoSeederScope(ServiceProvider provider)
    {
        _provider = provider;
        _scope = provider.CreateAsyncScope();
    }

    public static DemoSeederScope Open(string connectionString, Tenant tenant, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddLtcApplication();
        services.AddLtcInfrastructure(connectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(CurrentUser.System(tenant.Id, DemoContributions.SeederName)));
        return new DemoSeederScope(services.BuildServiceProvider());
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public ISender Sender => Services.GetRequiredService<ISender>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
