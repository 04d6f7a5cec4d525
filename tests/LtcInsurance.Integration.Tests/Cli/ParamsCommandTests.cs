using System.Text.RegularExpressions;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Cli;

/// <summary>
/// <c>ltc params</c> against the demo database: one admin proposes (set), the same admin cannot approve, a second admin of
/// the city does; bad values are refused with nothing written. Values are test values (测试值) dated 2090, which nothing
/// else in the demo data reads.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ParamsCommandTests(PostgresFixture database)
{
    private const string Tenant = TenantIds.Jining;
    private const string SecondAdmin = "admin2.jining.cli-test";

    [Fact]
    public async Task Set_by_one_admin_approve_by_another_then_list_and_history_show_the_version()
    {
        await EnsureSecondAdminAsync();
        var connection = database.AppConnectionString;
        string[] Common(params string[] rest) => [.. rest, "--tenant", Tenant, "--connection", connection];
        var rows = await RowsAsync();

        var bad = await CliFailureTests.RunAsync(["params", .. Common("set", "--user", "admin.jining", "--name", "fiscalShare",
            "--value", "12.345", "--from", "2090-01-01", "--source", "测试值", "--reason", "测试值")]);
        Assert.Equal(1, bad.Code);
        Assert.Contains("取值", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(rows, await RowsAsync());

        var anonymous = await CliFailureTests.RunAsync(["params", .. Common("set", "--name", "fiscalShare",
            "--value", "12.34", "--from", "2090-01-01", "--source", "测试值", "--reason", "测试值")]);
        Assert.Equal(1, anonymous.Code);
        Assert.Equal(rows, await RowsAsync());

        var set = await CliFailureTests.RunAsync(["params", .. Common("set", "--user", "admin.jining", "--name", "fiscalShare",
            "--value", "88.8", "--from", "2090-01-01", "--to", "2090-12-31", "--source", "测试值（非真实文件）", "--reason", "测试值：CLI 测试")]);
        Assert.True(set.Code == 0, set.Stderr);
        var version = Version().Match(set.Stdout).Groups[1].Value;
        Assert.Contains("88.80", set.Stdout, StringComparison.Ordinal);

        var self = await CliFailureTests.RunAsync(["params", .. Common("approve", "--user", "admin.jining", "--name", "fiscalShare", "--version", version)]);
        Assert.Equal(1, self.Code);
        Assert.Contains("不能审批自己", self.Stderr, StringComparison.Ordinal);

        var approve = await CliFailureTests.RunAsync(["params", .. Common("approve", "--user", SecondAdmin, "--name", "fiscalShare", "--version", version)]);
        Assert.True(approve.Code == 0, approve.Stderr);
        Assert.Contains("已批准", approve.Stdout, StringComparison.Ordinal);

        var list = await CliFailureTests.RunAsync(["params", .. Common("list", "--as-of", "2090-06-01")]);
        Assert.Equal(0, list.Code);
        Assert.Contains($"fiscalShare", list.Stdout, StringComparison.Ordinal);
        Assert.Contains($"88.80（第 {version} 版）", list.Stdout, StringComparison.Ordinal);

        var history = await CliFailureTests.RunAsync(["params", .. Common("history", "--name", "fiscalShare")]);
        Assert.Equal(0, history.Code);
        Assert.Contains($"第 {version} 版 [批准]", history.Stdout, StringComparison.Ordinal);
        Assert.Contains(SecondAdmin, history.Stdout, StringComparison.Ordinal);
        CliFailureTests.AssertNoStackTrace(bad.Stderr + self.Stderr + anonymous.Stderr);
    }

    private async Task<int> RowsAsync()
    {
        await using var db = database.AppContext(Tenant);
        return await db.Set<StoredParameterVersion>().CountAsync();
    }

    private async Task EnsureSecondAdminAsync()
    {
        await using var db = database.OwnerContext();
        var normalized = SecondAdmin.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized))
            return;
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = SecondAdmin, NormalizedUserName = normalized, TenantId = Tenant,
            DisplayName = "济宁测试管理员乙", SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        };
        db.Users.Add(user);
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Admin);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"第 (\d+) 版")]
    private static partial Regex Version();
}
