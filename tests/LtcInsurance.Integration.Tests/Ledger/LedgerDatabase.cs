using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>
/// One throwaway cluster for the ledger tests, migrated as the owner; tests act as the application role.
/// Each test makes its own tenant, so tests never see each other's books.
/// </summary>
public sealed class LedgerDatabase : IAsyncLifetime
{
    public EmbeddedPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmbeddedPostgres.StartAsync(PostgresServerOptions.ThrowawayInTemp());
        await new LtcDatabaseInitializer(Server.OwnerConnectionString, Server.AppConnectionString).InitializeAsync(seedDemoData: false);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh tenant with the standard chart of accounts (seeded as the owner, like the demo seeder).</summary>
    public async Task<string> NewTenantAsync(IReadOnlyDictionary<string, string>? regions = null)
    {
        var id = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var owner = Owner();
        owner.Tenants.Add(new Tenant { Id = id, NameZh = "测试市", NameEn = "Test", SchemeStart = new DateOnly(2027, 1, 1) });
        await owner.SaveChangesAsync();
        await LedgerChartSeeder.SeedAsync(owner, id, regions);
        return id;
    }

    public LtcDbContext App(string tenant) =>
        new(LtcDbContextOptions.ForApplication(Server.AppConnectionString), new FixedCurrentTenant(tenant));

    public LtcDbContext Owner() =>
        new(LtcDbContextOptions.ForOwner(Server.OwnerConnectionString), new FixedCurrentTenant());

    public static LedgerPostingService Poster(LtcDbContext db) => new(db, TimeProvider.System);

    /// <summary>The use cases acting for <paramref name="tenant"/>, as the pages and the CLI send them (every role when none is given).</summary>
    public UseCaseHost UseCases(string tenant, params string[] roles) => UseCaseHost.For(Server.AppConnectionString, tenant, roles);

    /// <summary>Verifies the tenant's chain as the auditor's page and `ltc ledger verify` do.</summary>
    public async Task<VerificationResult> VerifyAsync(string tenant)
    {
        await using var host = UseCases(tenant);
        return await host.Send(new VerifyLedgerQuery());
    }

    /// <summary>Runs SQL on a raw connection (owner or application role) inside a transaction scoped to a tenant.</summary>
    public async Task ExecuteAsync(string connectionString, string tenant, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await TenantSession.SetForTransactionAsync(connection, transaction, tenant);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
            await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public static EntryDraft Contribution(string key, decimal amount, DateOnly date, LedgerPeriod? period = null) =>
        new(date, "个人缴费", new SourceDocument(SourceDocumentType.Bill, "BILL-" + key), key,
            [Posting.Debit(StandardChart.FundSpecialAccount, amount),
             Posting.Credit(StandardChart.ContributionIncome(Domain.Vocabulary.Payer.Individual), amount)], period);

    public static EntryDraft Claim(string key, decimal amount, DateOnly date) =>
        new(date, "机构护理结算", new SourceDocument(SourceDocumentType.Claim, "CLM-" + key), key,
            [Posting.Debit(StandardChart.BenefitExpense(ServiceMode.Institution), amount),
             Posting.Credit(StandardChart.PayableToInstitutions, amount)]);
}

[CollectionDefinition(Name)]
public sealed class LedgerDatabaseCollection : ICollectionFixture<LedgerDatabase>
{
    public const string Name = "ledger database";
}
