using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using LtcInsurance.Cli;

namespace LtcInsurance.Integration.Tests.Cli;

/// <summary>
/// <c>ltc</c> never ends in an unhandled exception: whatever goes wrong, the operator reads one Chinese + English line
/// on stderr (no stack frames unless LTC_DEBUG=1) and the exit code is not 0.
/// </summary>
public sealed class CliFailureTests
{
    /// <summary>Nothing listens on port 1 of loopback: the connection is refused at once.</summary>
    public const string Unreachable = "Host=127.0.0.1;Port=1;Database=ltc;Username=ltc_app;Password=x;Timeout=5";

    public static TheoryData<string[]> FailingCommands => new()
    {
        // A database that cannot be reached.
        { ["billing", "run", "--tenant", "jining", "--period", "2026", "--connection", Unreachable] },
        { ["ledger", "verify", "--tenant", "jining", "--connection", Unreachable] },
        { ["import", "register", "--tenant", "jining", "--file", "/no/such/register.csv", "--connection", Unreachable] },
        { ["db", "migrate", "--connection", Unreachable] },
        // A connection string that is not one.
        { ["billing", "run", "--tenant", "jining", "--period", "2026", "--connection", "this is not a connection string"] },
        { ["db", "migrate", "--connection", "this is not a connection string"] },
        { ["ledger", "verify", "--tenant", "jining", "--connection", "Hots=db;Datbase=ltc"] },
        // Files that are missing or cannot be written.
        { ["calc", "--input", "/no/such/cases.json"] },
        { ["import", "generate", "--tenant", "jining", "--rows", "3", "--file", "/no/such/folder/register.csv"] },
        // A tenant id that cannot be one.
        { ["billing", "run", "--tenant", "Jining'; drop table users; --", "--period", "2026", "--connection", Unreachable] },
    };

    [Theory]
    [MemberData(nameof(FailingCommands))]
    public async Task A_failing_command_exits_non_zero_with_a_message_and_no_stack_trace(string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr), "nothing on stderr");
        AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task An_exception_no_command_handles_becomes_one_line_and_exit_code_70()
    {
        // `import generate` does not catch a missing folder itself: the failure reaches CliApp.
        var (code, _, stderr) = await RunAsync(["import", "generate", "--tenant", "jining", "--rows", "3", "--file", "/no/such/folder/register.csv"]);

        Assert.Equal(CliApp.UnexpectedFailure, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("意外错误", line, StringComparison.Ordinal);
        Assert.Contains("unexpected error", line, StringComparison.Ordinal);
        Assert.Contains("LTC_DEBUG=1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_debug_the_whole_exception_follows_the_line()
    {
        var (code, _, stderr) = await RunAsync(
            ["import", "generate", "--tenant", "jining", "--rows", "3", "--file", "/no/such/folder/register.csv"], showExceptionDetails: true);

        Assert.Equal(CliApp.UnexpectedFailure, code);
        Assert.Contains("DirectoryNotFoundException", stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_under_any_wrapper_says_the_database_cannot_be_reached()
    {
        var refused = new FakeDbException("Failed to connect to 127.0.0.1:1", sqlState: null,
            new SocketException((int)SocketError.ConnectionRefused));
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused);

        var (code, line) = CliApp.Describe(wrapped);

        Assert.Equal(CliApp.DatabaseFailure, code);
        Assert.Contains("无法连接数据库", line, StringComparison.Ordinal);
        Assert.Contains("the database cannot be reached", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("Hots=db;Datbase=ltc")]
    public async Task A_connection_string_that_is_not_one_is_named_as_such(string connection)
    {
        var (code, _, stderr) = await RunAsync(["db", "migrate", "--connection", connection]);

        Assert.Equal(CliApp.DatabaseFailure, code);
        Assert.Contains("the database connection string is not valid", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("28P01")] // password authentication failed
    [InlineData("3D000")] // database does not exist
    [InlineData("08006")] // connection failure
    [InlineData("57P03")] // the database system is starting up
    public void Connection_class_sql_states_mean_the_database_cannot_be_reached(string sqlState)
    {
        var (code, line) = CliApp.Describe(new FakeDbException("refused", sqlState));

        Assert.Equal(CliApp.DatabaseFailure, code);
        Assert.Contains("the database cannot be reached", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_database_errors_are_database_errors_on_one_line()
    {
        var (code, line) = CliApp.Describe(new FakeDbException("23505: duplicate key value\nDETAIL: Key (id)=(1) already exists.", "23505"));

        Assert.Equal(CliApp.DatabaseFailure, code);
        Assert.Contains("数据库出错 / database error", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task The_ltc_program_itself_exits_70_without_a_stack_trace_and_shows_one_with_LTC_DEBUG()
    {
        string[] args = ["import", "generate", "--tenant", "jining", "--rows", "3", "--file", "/no/such/folder/register.csv"];

        var plain = await RunProcessAsync(args, debug: false);
        var debug = await RunProcessAsync(args, debug: true);

        Assert.Equal(CliApp.UnexpectedFailure, plain.Code);
        Assert.Contains("DirectoryNotFoundException", plain.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(plain.Stdout + plain.Stderr);
        Assert.DoesNotContain("Unhandled exception", plain.Stderr, StringComparison.Ordinal);
        Assert.Equal(CliApp.UnexpectedFailure, debug.Code);
        Assert.Contains("   at ", debug.Stderr, StringComparison.Ordinal);
    }

    internal static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--- End of", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args, bool showExceptionDetails = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr, showExceptionDetails);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(string[] args, bool debug)
    {
        var ltc = LtcProgramPath();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ltc);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove(CliApp.DebugVariable);
        if (debug)
            start.Environment[CliApp.DebugVariable] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// ltc.dll in the CLI project's own build output (the copy beside this test assembly lacks the CLI's dependencies),
    /// built in the same configuration as the tests.
    /// </summary>
    private static string LtcProgramPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LtcInsurance.sln")))
            root = root.Parent;
        Assert.True(root is not null, $"no LtcInsurance.sln above {AppContext.BaseDirectory}");
        var ltc = Path.Combine(root.FullName, "src", "LtcInsurance.Cli", "bin", configuration, framework, "ltc.dll");
        Assert.True(File.Exists(ltc), $"{ltc} is missing: build the solution first");
        return ltc;
    }

    private sealed class FakeDbException(string message, string? sqlState, Exception? inner = null) : DbException(message, inner)
    {
        public override string? SqlState => sqlState;
    }
}
