using LtcInsurance.Cli.Ledger;
using static LtcInsurance.Integration.Tests.Ledger.LedgerDatabase;

namespace LtcInsurance.Integration.Tests.Ledger;

[Collection(LedgerDatabaseCollection.Name)]
public class LedgerVerifyCommandTests(LedgerDatabase database)
{
    [Fact]
    public async Task Ltc_ledger_verify_exits_zero_on_intact_books_and_one_naming_the_altered_entry()
    {
        var tenant = await database.NewTenantAsync();
        await using (var db = database.App(tenant))
        {
            await Poster(db).PostAsync(Contribution("c1", 12m, new DateOnly(2027, 1, 5)));
            await Poster(db).PostAsync(Contribution("c2", 12m, new DateOnly(2027, 1, 6)));
        }
        string[] args = ["--tenant", tenant, "--connection", database.Server.AppConnectionString];

        var output = new StringWriter();
        Assert.Equal(0, await LedgerVerifyCommand.RunAsync(args, output, new StringWriter()));
        Assert.Contains("账簿校验通过", output.ToString(), StringComparison.Ordinal);

        await database.ExecuteAsync(database.Server.OwnerConnectionString, tenant,
            $"SET LOCAL session_replication_role = replica; UPDATE journal_entries SET idempotency_key = 'x' WHERE tenant_id = '{tenant}' AND sequence = 2");
        output = new StringWriter();
        Assert.Equal(1, await LedgerVerifyCommand.RunAsync(args, output, new StringWriter()));
        Assert.Contains("first bad entry #2", output.ToString(), StringComparison.Ordinal);
    }
}
