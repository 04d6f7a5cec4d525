using Microsoft.EntityFrameworkCore;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;

namespace LtcInsurance.Integration.Tests;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, migrated, role-checked and seeded with the demo data
/// exactly as the application does at startup. Tests that change data clean up after themselves or use their own rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private EmbeddedPostgres? _server;

    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("fixture not started");

    public string OwnerConnectionString => Server.OwnerConnectionString;

    public string AppConnectionString => Server.AppConnectionString;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedPostgres.StartAsync(PostgresServerOptions.ThrowawayInTemp());
        await new LtcDatabaseInitializer(_server.OwnerConnectionString, _server.AppConnectionString)
            .InitializeAsync(seedDemoData: true);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    /// <summary>A context as the application uses it: app role, tenant interceptors, query filters for <paramref name="tenantId"/>.</summary>
    public LtcDbContext AppContext(string? tenantId) =>
        new(LtcDbContextOptions.ForApplication(AppConnectionString), new FixedCurrentTenant(tenantId));

    public LtcDbContext OwnerContext() =>
        new(LtcDbContextOptions.ForOwner(OwnerConnectionString), new FixedCurrentTenant());

    /// <summary>
    /// The institutions <paramref name="tenantId"/> really has, counted by the owner (no row-level security): what the
    /// tenant's own view must show. Other tests in the shared database register institutions, so a fixed number would not hold.
    /// </summary>
    public async Task<int> InstitutionsOfAsync(string tenantId)
    {
        await using var owner = OwnerContext();
        return await owner.Institutions.IgnoreQueryFilters().CountAsync(i => i.TenantId == tenantId);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
