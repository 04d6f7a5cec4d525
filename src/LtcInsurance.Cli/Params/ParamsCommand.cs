using System.Data.Common;
using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Policies.DecideParameter;
using LtcInsurance.Application.Policies.GetParameterHistory;
using LtcInsurance.Application.Policies.ListParameterStatus;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.ListUsers;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Domain.Common;

namespace LtcInsurance.Cli.Params;

/// <summary>
/// <c>ltc params list|set|approve|reject|history --tenant X ...</c>: a tenant's policy parameters through the same use
/// cases as the admin pages. <c>list</c> and <c>history</c> read as the command-line operator; <c>set</c> (propose) and
/// <c>approve</c>/<c>reject</c> act as the named admin user of the tenant given with <c>--user</c> (checked against the
/// tenant's users: an admin, not locked out), so the four-eyes rule holds between the CLI and the pages: the proposer
/// cannot approve. Exit 0 done, 1 refused (nothing written), 2 database, 64 usage.
/// </summary>
public static class ParamsCommand
{
    public const string Usage = """
        用法 / usage:
          ltc params list --tenant X [--as-of YYYY-MM-DD] [--unset] [--connection CS]
          ltc params set --tenant X --user ADMIN --name N --value V --from YYYY-MM-DD [--to YYYY-MM-DD] --source DOC --reason TEXT [--connection CS]
          ltc params approve --tenant X --user ADMIN --name N --version K [--note TEXT] [--connection CS]
          ltc params reject --tenant X --user ADMIN --name N --version K --note TEXT [--connection CS]
          ltc params history --tenant X --name N [--connection CS]
        """;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is not ("list" or "set" or "approve" or "reject" or "history"))
        {
            await stderr.WriteLineAsync(Usage);
            return CommandOptions.UsageError;
        }

        var verb = args[0];
        var options = await CommandOptions.ParseAsync(args, 1,
            ["--tenant", "--user", "--name", "--value", "--from", "--to", "--source", "--reason", "--version", "--note", "--as-of", "--connection"],
            ["--unset"], Usage, stderr);
        if (options is null)
            return CommandOptions.UsageError;
        var tenant = options["--tenant"];
        var connection = options.OrEnvironment("--connection", "ConnectionStrings__Ltc");
        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(connection))
            return await UsageErrorAsync(stderr, "缺少 --tenant 或数据库连接 / --tenant and a connection are required");

        try
        {
            return verb switch
            {
                "list" => await ListAsync(options, connection, tenant, stdout, stderr),
                "history" => await HistoryAsync(options, connection, tenant, stdout, stderr),
                "set" => await ProposeAsync(options, connection, tenant, stdout, stderr),
                _ => await DecideAsync(options, verb == "approve", connection, tenant, stdout, stderr),
            };
        }
        catch (RequestValidationException invalid)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [invalid_input]: {invalid.Message}");
            return 1;
        }
        catch (BusinessRuleViolationException broken)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [{broken.Code}]: {broken.Message}");
            return 1;
        }
        catch (ForbiddenAccessException forbidden)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [forbidden]: {forbidden.Message}");
            return 1;
        }
        catch (Exception failure) when (failure is DbException or InvalidOperationException or ArgumentException)
        {
            await stderr.WriteLineAsync($"政策参数命令无法执行 / the params command could not run: {failure.Message}");
            return 2;
        }
    }

    private static async Task<int> ListAsync(CommandOptions options, string connection, string tenant, TextWriter stdout, TextWriter stderr)
    {
        DateOnly? asOf = null;
        if (options["--as-of"] is { } text)
        {
            if (Date(text) is not { } day)
                return await UsageErrorAsync(stderr, $"--as-of「{text}」须为 YYYY-MM-DD");
            asOf = day;
        }

        await using var services = CliServices.Create(connection, tenant);
        var list = await services.Sender.Send(new ListParameterStatusQuery(asOf, null, options.Has("--unset")));
        if (list is null)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [unknown_tenant]: 租户 {tenant} 没有政策方案");
            return 1;
        }

        await stdout.WriteLineAsync(string.Create(C,
            $"{list.Tenant} 政策参数（{list.AsOf:yyyy-MM-dd}）：未设定 {list.UnsetCount} 项，待审批 {list.PendingCount} 项"));
        foreach (var p in list.Parameters)
        {
            var value = p.Value is null ? "未设定" : p.Value + (p.Version is { } v ? string.Create(C, $"（第 {v} 版{(p.Demo ? "，演示值" : "")}）") : "（文件规定）");
            var blocks = p.Blocks.Count > 0 ? $"  阻塞：{string.Join("、", p.Blocks)}" : "";
            var pending = p.Pending > 0 ? string.Create(C, $"  待审批 {p.Pending} 个版本") : "";
            await stdout.WriteLineAsync($"  [{p.Topic}] {p.Name} {p.Label} = {value}  {p.Unit}  依据 {p.Clause}{blocks}{pending}");
        }

        return 0;
    }

    private static async Task<int> HistoryAsync(CommandOptions options, string connection, string tenant, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(options["--name"]))
            return await UsageErrorAsync(stderr, "缺少 --name");
        await using var services = CliServices.Create(connection, tenant);
        var history = await services.Sender.Send(new GetParameterHistoryQuery(options["--name"]));
        if (history is null)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [unknown_parameter]: 参数「{options["--name"]}」不是 {tenant} 的政策参数");
            return 1;
        }

        await stdout.WriteLineAsync($"{history.Name} {history.Label}（{history.Kind}，{history.Unit}，依据 {history.Clause}）");
        foreach (var shipped in history.Shipped)
        {
            var from = shipped.From == DateOnly.MinValue ? "制度起" : shipped.From.ToString("yyyy-MM-dd", C);
            await stdout.WriteLineAsync($"  文件规定 自 {from}：{shipped.Value ?? "未设定"}{(shipped.Note is { } note ? "（" + note + "）" : "")}");
        }

        if (history.Versions.Count == 0)
            await stdout.WriteLineAsync("  尚无设置版本");
        foreach (var v in history.Versions)
        {
            var to = v.EffectiveTo is { } end ? end.ToString("yyyy-MM-dd", C) : "";
            var decided = v.DecidedBy is null ? "" : string.Create(C, $"，{v.DecidedBy} {v.DecidedAt:yyyy-MM-dd HH:mm} {StatusName(v.Status)}{(v.DecisionNote is { } n ? "：" + n : "")}");
            await stdout.WriteLineAsync(string.Create(C,
                $"  第 {v.Version} 版 [{StatusName(v.Status)}{(v.Demo ? "，演示值" : "")}] {v.Value}  {v.EffectiveFrom:yyyy-MM-dd}~{to}  依据 {v.SourceDocument}  理由 {v.Reason}  {v.ProposedBy} {v.ProposedAt:yyyy-MM-dd HH:mm} 提出{decided}"));
        }

        return 0;
    }

    private static async Task<int> ProposeAsync(CommandOptions options, string connection, string tenant, TextWriter stdout, TextWriter stderr)
    {
        DateOnly? from = null, to = null;
        if (options["--from"] is { } fromText && (from = Date(fromText)) is null)
            return await UsageErrorAsync(stderr, $"--from「{fromText}」须为 YYYY-MM-DD");
        if (options["--to"] is { } toText && (to = Date(toText)) is null)
            return await UsageErrorAsync(stderr, $"--to「{toText}」须为 YYYY-MM-DD");
        if (await AdminAsync(options, connection, tenant, stderr) is not { } admin)
            return 1;

        await using var services = CliServices.CreateAs(connection, admin);
        var version = await services.Sender.Send(new ProposeParameterCommand(
            options["--name"], options["--value"], from, to, options["--source"], options["--reason"]));
        await stdout.WriteLineAsync(string.Create(C,
            $"已提出 {version.Name} 第 {version.Version} 版：{version.Value}（{version.Unit}），自 {version.EffectiveFrom:yyyy-MM-dd} 起，提出人 {version.ProposedBy}；须由本市另一位管理员批准后生效"));
        return 0;
    }

    private static async Task<int> DecideAsync(CommandOptions options, bool approve, string connection, string tenant, TextWriter stdout, TextWriter stderr)
    {
        if (options["--version"] is not { } versionText || !int.TryParse(versionText, NumberStyles.None, C, out var number))
            return await UsageErrorAsync(stderr, "缺少 --version 或其值不是正整数");
        if (await AdminAsync(options, connection, tenant, stderr) is not { } admin)
            return 1;

        await using var services = CliServices.CreateAs(connection, admin);
        var version = await services.Sender.Send(new DecideParameterCommand(options["--name"], number, approve, options["--note"]));
        await stdout.WriteLineAsync(string.Create(C,
            $"已{StatusName(version.Status)} {version.Name} 第 {version.Version} 版：{version.Value}，自 {version.EffectiveFrom:yyyy-MM-dd} 起（审批人 {version.DecidedBy}）"));
        return 0;
    }

    /// <summary>The admin named by <c>--user</c>, as the tenant's users list them; null (after telling why) otherwise.</summary>
    private static async Task<CurrentUser?> AdminAsync(CommandOptions options, string connection, string tenant, TextWriter stderr)
    {
        var name = options["--user"];
        if (string.IsNullOrWhiteSpace(name))
        {
            await stderr.WriteLineAsync("拒绝 / refused [user_required]: 须以 --user 指明执行操作的本市管理员用户名（提出与批准须为两位不同的管理员）");
            return null;
        }

        await using var services = CliServices.Create(connection, tenant);
        var users = await services.Sender.Send(new ListUsersQuery(tenant));
        var user = users.FirstOrDefault(u => string.Equals(u.UserName, name, StringComparison.OrdinalIgnoreCase) && u.TenantId == tenant);
        if (user is null || !user.Roles.Contains(Roles.Admin) || user.LockoutEnd > DateTimeOffset.UtcNow)
        {
            await stderr.WriteLineAsync($"拒绝 / refused [not_admin]: 用户 {name} 不是 {tenant} 可用的管理员");
            return null;
        }

        return new CurrentUser(user.Id, user.UserName, tenant, user.Roles);
    }

    private static string StatusName(string status) => status switch
    {
        ParameterVersionStatus.Approved => "批准",
        ParameterVersionStatus.Rejected => "驳回",
        _ => "待审批",
    };

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", C, DateTimeStyles.None, out var day) ? day : null;

    private static async Task<int> UsageErrorAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync(message);
        await stderr.WriteLineAsync(Usage);
        return CommandOptions.UsageError;
    }
}
