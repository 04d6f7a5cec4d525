using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Enrollment;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Enrollment;

/// <summary>
/// One throwaway cluster for register, billing and import tests: the five real tenants (the engine knows them by id)
/// with their charts of accounts, no demo people. Tests add their own people and use their own periods, and compare
/// ledger balances before and after, so they do not depend on each other.
/// </summary>
public sealed class RegisterDatabase : IAsyncLifetime
{
    private static int _sequence;

    public EmbeddedPostgres Server { get; private set; } = null!;

    public PolicyCalculator Calculator { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await EmbeddedPostgres.StartAsync(PostgresServerOptions.ThrowawayInTemp());
        await new LtcDatabaseInitializer(Server.OwnerConnectionString, Server.AppConnectionString).InitializeAsync(seedDemoData: false);
        await using var owner = Owner();
        foreach (var tenant in Infrastructure.Seeding.DemoData.Tenants)
        {
            owner.Tenants.Add(new Tenant
            {
                Id = tenant.Id, NameZh = tenant.NameZh, NameEn = tenant.NameEn, RegionCodes = [.. tenant.RegionCodes],
                SchemeStart = tenant.SchemeStart,
            });
        }

        await owner.SaveChangesAsync();
        foreach (var tenant in TenantIds.All)
            await LedgerChartSeeder.SeedAsync(owner, tenant);
        await Policies.UnsetFigureTestValues.SetAsync(Server.AppConnectionString, TenantIds.Yulin, TenantIds.Jining);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Server.DisposeAsync();
    }

    /// <summary>The use cases as the web app wires them, acting for <paramref name="tenant"/> (every role unless given).</summary>
    public UseCaseHost Host(string tenant, params string[] roles) => UseCaseHost.For(Server.AppConnectionString, tenant, roles);

    public LtcDbContext App(string tenant) =>
        new(LtcDbContextOptions.ForApplication(Server.AppConnectionString), new FixedCurrentTenant(tenant));

    public LtcDbContext Owner() =>
        new(LtcDbContextOptions.ForOwner(Server.OwnerConnectionString), new FixedCurrentTenant());

    public RegisterClerk Enrollment(LtcDbContext db) => new(this, db.CurrentTenantId!);

    /// <summary>Adds a person with a valid, unique ID number to the register of the context's tenant.</summary>
    public static async Task<InsuredPerson> AddPersonAsync(LtcDbContext db, string name, string region, DateOnly birth,
        MedicalInsuranceScheme medical = MedicalInsuranceScheme.Resident, EmploymentStatus employment = EmploymentStatus.NotEmployed,
        params string[] statuses)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var person = InsuredPerson.Register(db.CurrentTenantId!, IdNumber.Create(region, birth.AddDays(sequence / 999), sequence % 999 + 1),
            name, Sex.Female, birth, region, medical, employment, DateTimeOffset.UtcNow);
        db.InsuredPeople.Add(person);
        foreach (var status in statuses)
            db.Add(person.AddStatus(status, new DateOnly(2000, 1, 1), null));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return person;
    }

    /// <summary>Credit balance of the contribution income accounts (4101.*) of the context's tenant, from the journal.</summary>
    public static async Task<Dictionary<string, decimal>> IncomeAsync(LtcDbContext db) =>
        await db.Set<JournalPostingRecord>().Where(p => p.AccountCode.StartsWith("4101"))
            .GroupBy(p => p.AccountCode)
            .Select(g => new { g.Key, Credit = g.Sum(p => p.Side == "C" ? p.Amount : -p.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Credit);

    public static Task<int> EntryCountAsync(LtcDbContext db) => db.Set<JournalEntryRecord>().CountAsync();

    /// <summary>
    /// A new database of this cluster named <paramref name="prefix"/>_…, migrated, holding Yulin (no demo data), its chart of
    /// accounts and the test values of its unset figures: a city of one's own for tests that count rows or bill a period.
    /// </summary>
    public async Task<(string Owner, string App)> FreshYulinDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(Server.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
        }

        var owner = Server.ConnectionString(name, Infrastructure.Postgres.EmbeddedPostgres.OwnerRole);
        var app = Server.ConnectionString(name, Infrastructure.Postgres.EmbeddedPostgres.AppRole);
        await new Infrastructure.Persistence.LtcDatabaseInitializer(owner, app).InitializeAsync(seedDemoData: false);
        await using (var db = new Infrastructure.Persistence.LtcDbContext(Infrastructure.Persistence.LtcDbContextOptions.ForOwner(owner),
                         new Infrastructure.Tenancy.FixedCurrentTenant()))
        {
            var yulin = Infrastructure.Seeding.DemoData.Tenants.Single(t => t.Id == Domain.Tenants.TenantIds.Yulin);
            db.Tenants.Add(new Domain.Tenants.Tenant
            {
                Id = yulin.Id, NameZh = yulin.NameZh, NameEn = yulin.NameEn, RegionCodes = [.. yulin.RegionCodes], SchemeStart = yulin.SchemeStart,
            });
            await db.SaveChangesAsync();
            await Infrastructure.Ledger.LedgerChartSeeder.SeedAsync(db, Domain.Tenants.TenantIds.Yulin);
        }

        await Policies.UnsetFigureTestValues.SetAsync(app, Domain.Tenants.TenantIds.Yulin);
        return (owner, app);
    }
}

[CollectionDefinition(Name)]
public sealed class RegisterDatabaseCollection : ICollectionFixture<RegisterDatabase>
{
    public const string Name = "register database";
}
