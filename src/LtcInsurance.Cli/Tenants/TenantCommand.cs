using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Tenants.AddTenant;
using LtcInsurance.Cli.Composition;

namespace LtcInsurance.Cli.Tenants;

/// <summary>
/// <c>ltc tenant add &lt;id&gt; [--connection CS] [--data-dir DIR]</c>: opens a registered city module as a tenant (tenant
/// row, chart of accounts, first admin user), as the platform-level operator (no tenant), through
/// <see cref="AddTenantCommand"/>. Prints the admin's one-time password once. Exit 0 when opened, 1 when refused (unknown
/// module, already a tenant, malformed id), 2 when the database cannot be reached, 64 for a usage error.
/// Connects as the application role like the other commands: --connection, else ConnectionStrings__Ltc, else the
/// embedded development cluster in --data-dir (or Ltc__DataDirectory, default ./.data/postgres).
/// </summary>
public static class TenantCommand
{
    public const int Added = 0;
    public const int Refused = 1;
    public const int UsageError = 64;

    public const string Usage = "用法 / usage: ltc tenant add <id> [--connection APP_CONNECTION_STRING] [--data-dir DIR]";

    /// <summary>Entry point for <c>ltc tenant</c>: <paramref name="args"/> are the words after "tenant".</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is not ["add", var id, ..] || id.StartsWith("--", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }

        var options = await CommandOptions.ParseAsync(args, 2, ["--connection", "--data-dir"], [], Usage, stderr);
        if (options is null)
            return UsageError;
        var connection = options.OrEnvironment("--connection", "ConnectionStrings__Ltc");
        var dataDirectory = options.OrEnvironment("--data-dir", "Ltc__DataDirectory")
                            ?? Path.Combine(Environment.CurrentDirectory, ".data", "postgres");
        try
        {
            await using var database = await CliDatabase.OpenAsync(connection, dataDirectory, stderr);
            await using var services = CliServices.Create(database.AppConnectionString, tenant: null);
            return await AddAsync(id, services.Sender, stdout, stderr);
        }
        catch (Exception failure) when (CliDatabase.IsUnavailable(failure))
        {
            await stderr.WriteLineAsync($"无法开通城市 / could not open the tenant: {failure.Message}");
            return 2;
        }
    }

    /// <summary>Sends <see cref="AddTenantCommand"/> and prints the outcome (the one-time password once, on stdout).</summary>
    public static async Task<int> AddAsync(string id, ISender sender, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        AddTenantResult result;
        try
        {
            result = await sender.Send(new AddTenantCommand(id), cancellationToken);
        }
        catch (RequestValidationException invalid)
        {
            await stderr.WriteLineAsync($"拒绝 / refused: {string.Join(" ", invalid.Problems.Select(p => p.Message))}");
            return Refused;
        }

        if (!result.Added)
        {
            await stderr.WriteLineAsync($"拒绝 / refused: {result.Refusal}");
            return Refused;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"已开通 / tenant opened: {result.TenantId} {result.NameZh}, {result.Accounts} 个科目 / accounts"));
        await stdout.WriteLineAsync($"首位管理员 / first admin: {result.AdminUserName}");
        await stdout.WriteLineAsync($"一次性密码 / one-time password: {result.OneTimePassword}");
        await stdout.WriteLineAsync("该密码只显示这一次，请当面交给该市管理员，首次登录后立即修改。/ Shown once: hand it over in person; change it at first sign-in.");
        return Added;
    }
}
