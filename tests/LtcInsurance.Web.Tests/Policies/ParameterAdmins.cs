using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Policies.DecideParameter;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Application.Security;
using LtcInsurance.Web.Tests.Billing;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>
/// Two admins of one tenant over the test host's database: <see cref="SetAsync"/> proposes a value as the first and
/// approves it as the second, through the same use cases as the admin pages and <c>ltc params</c>. Values are labelled
/// test values (测试值). Same helper as the integration tests' <c>ParameterAdmins</c>.
/// </summary>
public sealed class ParameterAdmins(string appConnectionString, string tenant)
{
    public const string TestSource = "测试值（非真实文件，仅用于自动化测试）";

    public CurrentUser Proposer { get; } = new("test-admin-a-" + tenant, "测试管理员甲." + tenant, tenant, [Roles.Admin]);

    public CurrentUser Approver { get; } = new("test-admin-b-" + tenant, "测试管理员乙." + tenant, tenant, [Roles.Admin]);

    public async Task<ParameterVersionView> SetAsync(string name, string value, DateOnly from, DateOnly? to = null)
    {
        ParameterVersionView proposed;
        await using (var first = OperatorUseCases.As(appConnectionString, Proposer))
            proposed = await first.Sender.Send(new ProposeParameterCommand(name, value, from, to, TestSource, "测试值：自动化测试设置"));
        await using var second = OperatorUseCases.As(appConnectionString, Approver);
        return await second.Sender.Send(new DecideParameterCommand(name, proposed.Version, true, "测试值，批准"));
    }
}
