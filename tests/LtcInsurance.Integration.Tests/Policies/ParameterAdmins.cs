using System.Text.RegularExpressions;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Policies.CalculateCase;
using LtcInsurance.Application.Policies.DecideParameter;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Integration.Tests.Policies;

/// <summary>
/// Two admins of one tenant, for tests that need a parameter set: <see cref="SetAsync"/> proposes as the first
/// (<c>测试管理员甲</c>) and approves as the second (<c>测试管理员乙</c>) through the same use cases as the pages and the CLI.
/// Every value is labelled a test value (测试值) in its source and reason.
/// </summary>
public sealed partial class ParameterAdmins(string appConnectionString, string tenant)
{
    public const string TestSource = "测试值（非真实文件，仅用于自动化测试）";

    public CurrentUser Proposer { get; } = new("test-admin-a-" + tenant, "测试管理员甲." + tenant, tenant, [Roles.Admin]);

    public CurrentUser Approver { get; } = new("test-admin-b-" + tenant, "测试管理员乙." + tenant, tenant, [Roles.Admin]);

    public UseCaseHost Host(CurrentUser user) => UseCaseHost.As(appConnectionString, user);

    public async Task<ParameterVersionView> ProposeAsync(string name, string value, DateOnly from, DateOnly? to = null)
    {
        await using var host = Host(Proposer);
        return await host.Send(new ProposeParameterCommand(name, value, from, to, TestSource, "测试值：自动化测试设置"));
    }

    public async Task<ParameterVersionView> ApproveAsync(string name, int version)
    {
        await using var host = Host(Approver);
        return await host.Send(new DecideParameterCommand(name, version, true, "测试值，批准"));
    }

    /// <summary>Proposes <paramref name="value"/> and has the second admin approve it; the approved version.</summary>
    public async Task<ParameterVersionView> SetAsync(string name, string value, DateOnly from, DateOnly? to = null) =>
        await ApproveAsync(name, (await ProposeAsync(name, value, from, to)).Version);

    /// <summary>
    /// Runs a case through <see cref="CalculateCaseQuery"/>; while it is refused for a missing parameter, sets that
    /// parameter with a plain test value of its kind (from <paramref name="from"/>) and tries again. For tests about other
    /// figures that must not break when a city module declares one more figure without a value.
    /// </summary>
    public async Task<CalculationOutcome> CalculateSettingMissingAsync(string kind, string input, string asOf, DateOnly from)
    {
        for (var attempt = 0; ; attempt++)
        {
            CalculationOutcome outcome;
            await using (var host = Host(Proposer))
                outcome = (await host.Send(new CalculateCaseQuery(kind, input, asOf)))!;
            if (outcome.ErrorCode != ErrorCodes.ParameterMissing || attempt >= 12)
                return outcome;
            var name = MissingName().Match(outcome.ErrorMessage ?? "").Groups[1].Value;
            var definition = PolicyCalculator.DefaultParameters[tenant].Single(d => d.Name == name);
            await SetAsync(name, PlainValue(definition, from), from);
        }
    }

    private static string PlainValue(ParameterDefinition definition, DateOnly from) => definition.Kind switch
    {
        ParameterKind.Amount => "10.00",
        ParameterKind.Ratio => "0.5",
        ParameterKind.Count => "1",
        ParameterKind.Date => from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ParameterKind.Flag => "false",
        _ => ParameterValueText.AllowedCodes(definition.Name)?[0] ?? "test",
    };

    [GeneratedRegex(@"（([A-Za-z0-9_.]+)，依据")]
    private static partial Regex MissingName();
}
