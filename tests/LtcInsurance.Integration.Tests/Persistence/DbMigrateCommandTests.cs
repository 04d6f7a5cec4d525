using LtcInsurance.Cli;

namespace LtcInsurance.Integration.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class DbMigrateCommandTests(PostgresFixture db)
{
    [Fact]
    public async Task Ltc_db_migrate_with_an_owner_connection_succeeds_on_a_current_database()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(["db", "migrate", "--connection", db.OwnerConnectionString], TextReader.Null, stdout,
            stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("database migrated", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ltc_db_migrate_reports_an_unreachable_server_without_a_stack_trace()
    {
        var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(
            ["db", "migrate", "--connection", "Host=127.0.0.1;Port=1;Database=ltc;Username=ltc_owner;Timeout=2"],
            TextReader.Null, new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.StartsWith("db migrate failed:", stderr.ToString(), StringComparison.Ordinal);
    }
}
