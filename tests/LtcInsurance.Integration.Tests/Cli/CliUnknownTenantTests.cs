namespace LtcInsurance.Integration.Tests.Cli;

/// <summary>Commands for a tenant the database does not have, against a real database: refused with a message, never a stack trace.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CliUnknownTenantTests(PostgresFixture database) : IDisposable
{
    private const string Nobody = "atlantis";
    private readonly string _file = Path.Combine(Path.GetTempPath(), "ltc-cli-" + Guid.NewGuid().ToString("N")[..8] + ".csv");

    [Fact]
    public async Task Billing_run_for_an_unknown_tenant_is_refused()
    {
        var (code, stdout, stderr) = await CliFailureTests.RunAsync(
            ["billing", "run", "--tenant", Nobody, "--period", "2026", "--connection", database.AppConnectionString]);

        Assert.True(code != 0, $"exit 0 for an unknown tenant: {stdout}");
        Assert.False(string.IsNullOrWhiteSpace(stderr));
        CliFailureTests.AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task Import_for_an_unknown_tenant_is_refused()
    {
        var generated = await CliFailureTests.RunAsync(["import", "generate", "--tenant", "jining", "--rows", "3", "--file", _file]);
        Assert.Equal(0, generated.Code);

        var (code, stdout, stderr) = await CliFailureTests.RunAsync(
            ["import", "register", "--tenant", Nobody, "--file", _file, "--connection", database.AppConnectionString]);

        Assert.True(code != 0, $"exit 0 for an unknown tenant: {stdout}");
        CliFailureTests.AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task Generating_a_file_for_an_unknown_tenant_is_refused()
    {
        var (code, stdout, stderr) = await CliFailureTests.RunAsync(["import", "generate", "--tenant", Nobody, "--rows", "3", "--file", _file]);

        Assert.NotEqual(0, code);
        Assert.Contains(Nobody, stderr, StringComparison.Ordinal);
        CliFailureTests.AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task Ledger_verify_for_an_unknown_tenant_prints_no_stack_trace()
    {
        var (_, stdout, stderr) = await CliFailureTests.RunAsync(
            ["ledger", "verify", "--tenant", Nobody, "--connection", database.AppConnectionString]);

        CliFailureTests.AssertNoStackTrace(stdout + stderr);
    }

    public void Dispose()
    {
        File.Delete(_file);
        File.Delete(_file + ".errors.csv");
    }
}
