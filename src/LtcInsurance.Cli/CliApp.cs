using LtcInsurance.Cli.Billing;
using LtcInsurance.Cli.Calc;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Cli.Import;
using LtcInsurance.Cli.Ledger;

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
          ltc billing run --tenant X --period P       contribution billing run
          ltc settle run ...                 (planned) monthly settlement run
          ltc ledger verify --tenant X       verify a tenant's ledger hash chain
        """;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
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
            case ["ledger", "verify", .. var rest]:
                return await LedgerVerifyCommand.RunAsync(rest, stdout, stderr);
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
