using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Domain.Tenants;
using System.Diagnostics;
using System.Globalization;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Benchmarks.Ledger;

/// <summary>
/// Postings per second through <see cref="LedgerPostingService"/> on a throwaway cluster, as the application role:
/// one poster, four posters on one tenant (they queue on the tenant's chain lock), four posters on four tenants
/// (independent chains). Then the time to verify the longest chain.
/// </summary>
public static class LedgerLoad
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var entries = args is ["--entries", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 2000;
        await using var server = await EmbeddedPostgres.StartAsync(PostgresServerOptions.ThrowawayInTemp());
        await new LtcDatabaseInitializer(server.OwnerConnectionString, server.AppConnectionString).InitializeAsync(seedDemoData: false);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ledger load: {entries} entries per scenario, {Environment.ProcessorCount} CPUs, PostgreSQL throwaway cluster (fsync off)"));
        await output.WriteLineAsync("| scenario | posters | tenants | entries | seconds | entries/s |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- |");

        await Scenario("warm-up", 1, 1, Math.Min(200, entries));
        var single = await Scenario("one poster", 1, 1, entries);
        await Scenario("four posters, one tenant", 4, 1, entries);
        await Scenario("four posters, four tenants", 4, 4, entries);

        await using (var services = CliServices.Create(server.AppConnectionString, single))
        {
            var watch = Stopwatch.StartNew();
            var result = await services.Sender.Send(new VerifyLedgerQuery());
            watch.Stop();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"verify {result.EntriesChecked} entries: {watch.Elapsed.TotalSeconds:0.00} s " +
                $"({result.EntriesChecked / watch.Elapsed.TotalSeconds:0} entries/s), intact = {result.IsIntact}"));
        }
        NpgsqlConnection.ClearAllPools();
        return 0;

        async Task<string> Scenario(string name, int posters, int tenants, int total)
        {
            var ids = new List<string>();
            for (var t = 0; t < tenants; t++)
                ids.Add(await NewTenantAsync(server));
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
            {
                await using var db = App(server, ids[p % tenants]);
                var poster = new LedgerPostingService(db, TimeProvider.System);
                for (var i = p; i < total; i += posters)
                    await poster.PostAsync(Draft($"bench-{i}", 10m + i % 1000));
            })));
            watch.Stop();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {posters} | {tenants} | {total} | {watch.Elapsed.TotalSeconds:0.00} | {total / watch.Elapsed.TotalSeconds:0} |"));
            return ids[0];
        }
    }

    private static LtcDbContext App(EmbeddedPostgres server, string tenant) =>
        new(LtcDbContextOptions.ForApplication(server.AppConnectionString), new FixedCurrentTenant(tenant));

    private static async Task<string> NewTenantAsync(EmbeddedPostgres server)
    {
        var id = "b" + Guid.NewGuid().ToString("N")[..12];
        await using var owner = new LtcDbContext(LtcDbContextOptions.ForOwner(server.OwnerConnectionString), new FixedCurrentTenant());
        owner.Tenants.Add(new Tenant { Id = id, NameZh = "压测", NameEn = "Bench", SchemeStart = new DateOnly(2027, 1, 1) });
        await owner.SaveChangesAsync();
        await LedgerChartSeeder.SeedAsync(owner, id);
        return id;
    }

    private static EntryDraft Draft(string key, decimal amount) =>
        new(new DateOnly(2027, 1, 5), "压测缴费", new SourceDocument(SourceDocumentType.Bill, key), key,
            [Posting.Debit(StandardChart.FundSpecialAccount, amount),
             Posting.Credit(StandardChart.ContributionIncome(Domain.Vocabulary.Payer.Individual), amount)]);
}
