using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using LtcInsurance.Cli.Billing;
using LtcInsurance.Cli.Calc;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Cli.Import;
using LtcInsurance.Cli.Jobs;
using LtcInsurance.Cli.Ledger;
using LtcInsurance.Cli.Tenants;
using LtcInsurance.Cli.Params;
using LtcInsurance.Cli.Supervision;

namespace LtcInsurance.Cli;

/// <summary>`ltc` entry point: a small hand parser dispatching to one class per command.</summary>
public static class CliApp
{
    public const string Usage = """
        用法 / usage:
          ltc calc [--input FILE]            evaluate policy cases (JSON array on stdin or FILE)
          ltc db migrate [--connection CS]   apply database migrations
          ltc import register --tenant X --file F   bulk import of the insured register (CSV/XLSX)
          ltc import generate --tenant X --rows N --file F   synthetic register file for load tests
          ltc import collections --tenant X --file F   tax-bureau collection file (CSV/XLSX) as receipts
          ltc import bases --tenant X --file F      contribution bases (wage/pension) from the medical insurance system (CSV/XLSX)
          ltc billing run --tenant X --period P       contribution billing run (a background job, run here)
          ltc jobs run-once|list|cancel|resume ...    background jobs (billing runs, imports)
          ltc supervise run --tenant X [--month M]   anomaly rules (异常数据筛查) over recent months (a background job, run here)
          ltc settle run ...                 (planned) monthly settlement run
          ltc ledger verify --tenant X       verify a tenant's ledger hash chain
          ltc tenant add <id>                open a registered city module as a tenant (platform admin)
          ltc params list|set|approve|reject|history --tenant X ...   policy parameters (set = propose; approve as another admin)
        """;

    /// <summary>An unexpected failure (a bug or an unforeseen condition): EX_SOFTWARE of sysexits.h.</summary>
    public const int UnexpectedFailure = 70;

    /// <summary>The database could not be reached or refused the command (the commands' own code for this).</summary>
    public const int DatabaseFailure = 2;

    /// <summary>Interrupted (Ctrl+C): 128 + SIGINT, as a shell reports it.</summary>
    public const int Cancelled = 130;

    /// <summary>Environment variable that makes an unexpected failure print the whole exception.</summary>
    public const string DebugVariable = "LTC_DEBUG";

    /// <summary>
    /// Runs one command. Never ends in an unhandled exception: whatever a command does not handle itself is reported as
    /// one Chinese + English line on <paramref name="stderr"/> (no stack trace unless <c>LTC_DEBUG=1</c>) and exit code
    /// <see cref="DatabaseFailure"/> (database unreachable or failing), <see cref="Cancelled"/> or
    /// <see cref="UnexpectedFailure"/>.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr,
            showExceptionDetails: Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true");

    /// <inheritdoc cref="RunAsync(string[], TextReader, TextWriter, TextWriter)"/>
    /// <param name="showExceptionDetails">Print the whole exception (type, message, stack, inner exceptions) after the line.</param>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool showExceptionDetails)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return await DispatchAsync(args, stdin, stdout, stderr);
        }
#pragma warning disable CA1031 // The point: no exception leaves the program unreported.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            var (code, line) = Describe(failure);
            try
            {
                await stderr.WriteLineAsync(line);
                if (showExceptionDetails)
                    await stderr.WriteLineAsync(failure.ToString());
                await stderr.FlushAsync();
            }
            catch (IOException)
            {
                // stderr itself is gone (closed pipe): the exit code still tells.
            }

            return code;
        }
    }

    /// <summary>The exit code and the one line that describe an unhandled failure.</summary>
    public static (int Code, string Line) Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var hint = $"（设置 {DebugVariable}=1 可查看详情 / set {DebugVariable}=1 for details）";
        if (failure is OperationCanceledException)
            return (Cancelled, "已取消 / cancelled");
        if (Chain(failure).OfType<DbException>().FirstOrDefault() is { } database)
        {
            return Unreachable(failure)
                ? (DatabaseFailure, $"无法连接数据库 / the database cannot be reached: {OneLine(database.Message)} {hint}")
                : (DatabaseFailure, $"数据库出错 / database error: {OneLine(database.Message)} {hint}");
        }

        if (Unreachable(failure))
            return (DatabaseFailure, $"无法连接数据库 / the database cannot be reached: {OneLine(failure.Message)} {hint}");
        if (Chain(failure).OfType<ArgumentException>().FirstOrDefault(IsConnectionStringError) is { } connectionString)
            return (DatabaseFailure, $"数据库连接字符串无效 / the database connection string is not valid: {OneLine(connectionString.Message)}");
        return (UnexpectedFailure,
            $"意外错误，命令未完成 / unexpected error, the command did not complete: {failure.GetType().Name}: {OneLine(failure.Message)} {hint}");
    }

    /// <summary>
    /// Connection failures: a socket or time-out under a database exception, or a PostgreSQL error of class 08
    /// (connection), 28 (authentication), 3D000 (no such database) or 57P03 (server starting or shutting down).
    /// </summary>
    private static bool Unreachable(Exception failure)
    {
        var chain = Chain(failure).ToList();
        if (chain.OfType<DbException>().Any(e => e.SqlState is { } state
                && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("28", StringComparison.Ordinal)
                    || state is "3D000" or "57P03")))
            return true;
        return chain.Any(e => e is SocketException)
               || (chain.Any(e => e is DbException) && chain.Any(e => e is TimeoutException or IOException));
    }

    /// <summary>Thrown while a connection string was parsed (by a <see cref="DbConnectionStringBuilder"/> or System.Data.Common).</summary>
    private static bool IsConnectionStringError(ArgumentException failure) =>
        new StackTrace(failure, fNeedFileInfo: false).GetFrames().Any(frame =>
            frame.GetMethod()?.DeclaringType is { } type
            && (typeof(DbConnectionStringBuilder).IsAssignableFrom(type) || type.Namespace == "System.Data.Common"));

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        var pending = new Stack<Exception>();
        pending.Push(failure);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                    pending.Push(inner);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static async Task<int> DispatchAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        switch (args)
        {
            case ["calc", .. var rest]:
                return await CalcCommand.RunAsync(rest, stdin, stdout, stderr);
            case ["db", "migrate", .. var rest]:
                return await DbMigrateCommand.RunAsync(rest, stdout, stderr);
            case ["billing", "run", .. var rest]:
                return await BillingRunCommand.RunAsync(rest, stdout, stderr);
            case ["import", .. var rest]:
                return await ImportRegisterCommand.RunAsync(rest, stdout, stderr);
            case ["supervise", "run", .. var rest]:
                return await SuperviseRunCommand.RunAsync(rest, stdout, stderr);
            case ["jobs", .. var rest]:
                return await JobsCommand.RunAsync(rest, stdout, stderr);
            case ["params", .. var rest]:
                return await ParamsCommand.RunAsync(rest, stdout, stderr);
            case ["ledger", "verify", .. var rest]:
                return await LedgerVerifyCommand.RunAsync(rest, stdout, stderr);
            case ["tenant", .. var rest]:
                return await TenantCommand.RunAsync(rest, stdout, stderr);
            case [] or ["help"] or ["--help"] or ["-h"]:
                await stdout.WriteLineAsync(Usage);
                return 0;
            default:
                await stderr.WriteLineAsync($"未知命令 / unknown command: {string.Join(' ', args)}");
                await stderr.WriteLineAsync(Usage);
                return 64;
        }
    }
}
