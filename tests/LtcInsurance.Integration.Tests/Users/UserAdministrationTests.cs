using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users;
using LtcInsurance.Application.Users.ChangeUserRole;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Application.Users.DeactivateUser;
using LtcInsurance.Application.Users.GetUser;
using LtcInsurance.Application.Users.ListBindableInstitutions;
using LtcInsurance.Application.Users.LockUser;
using LtcInsurance.Application.Users.ResetPassword;
using LtcInsurance.Application.Users.SearchUsers;
using LtcInsurance.Application.Users.UnlockUser;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Users;

/// <summary>
/// User administration per city (issue #11, item 4) over a database with the five cities and no demo users: every user
/// here is created by the test, through the use cases, by a platform admin or a city's admin.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class UserAdministrationTests(RegisterDatabase database)
{
    private static string Unique(string prefix) => prefix + "." + Guid.NewGuid().ToString("N")[..8];

    private UseCaseHost Platform() =>
        UseCaseHost.As(database.Server.AppConnectionString, new CurrentUser("platform-test", "platform.test", null, [Roles.Admin]));

    private UseCaseHost As(CurrentUser user) => UseCaseHost.As(database.Server.AppConnectionString, user);

    /// <summary>A fresh admin of <paramref name="tenant"/>, created by the platform admin, as the use cases know them.</summary>
    private async Task<CurrentUser> NewAdminAsync(string tenant)
    {
        await using var platform = Platform();
        var name = Unique("admin");
        var created = await platform.Send(new CreateUserCommand(tenant, name, "测试管理员", Roles.Admin));
        Assert.True(created.Done, created.Refusal);
        return new CurrentUser(created.UserId, name, tenant, [Roles.Admin]);
    }

    private async Task<AppUser> StoredAsync(string userId)
    {
        await using var owner = database.Owner();
        return await owner.Users.AsNoTracking().SingleAsync(u => u.Id == Guid.Parse(userId));
    }

    [Fact]
    public async Task A_citys_admin_creates_a_clerk_resets_the_password_and_every_action_is_in_the_history()
    {
        var admin = await NewAdminAsync(TenantIds.Jining);
        await using var host = As(admin);
        var name = Unique("clerk");

        var created = await host.Send(new CreateUserCommand(null, name, "王经办", Roles.Clerk));

        Assert.True(created.Done, created.Refusal);
        var stored = await StoredAsync(created.UserId!);
        Assert.Equal(TenantIds.Jining, stored.TenantId);
        Assert.Equal("王经办", stored.DisplayName);
        Assert.Equal(16, created.OneTimePassword!.Length);
        Assert.DoesNotContain(created.OneTimePassword, stored.PasswordHash!, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<AppUser>().VerifyHashedPassword(stored, stored.PasswordHash!, created.OneTimePassword));

        var reset = await host.Send(new ResetPasswordCommand(created.UserId));

        Assert.True(reset.Done, reset.Refusal);
        Assert.NotEqual(created.OneTimePassword, reset.OneTimePassword);
        var after = await StoredAsync(created.UserId!);
        Assert.NotEqual(stored.SecurityStamp, after.SecurityStamp);
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<AppUser>().VerifyHashedPassword(after, after.PasswordHash!, reset.OneTimePassword!));
        Assert.Equal(PasswordVerificationResult.Failed,
            new PasswordHasher<AppUser>().VerifyHashedPassword(after, after.PasswordHash!, created.OneTimePassword));

        var detail = await host.Send(new GetUserQuery(created.UserId));
        Assert.NotNull(detail);
        Assert.Equal([UserActions.ResetPassword, UserActions.Create], detail.History.Select(h => h.Action));
        Assert.All(detail.History, h => Assert.Equal(admin.UserName, h.ActedBy));
        Assert.All(detail.History, h => Assert.DoesNotContain(reset.OneTimePassword!, h.Detail, StringComparison.Ordinal));
        Assert.Contains("经办人员", detail.History[^1].Detail, StringComparison.Ordinal);

        var found = await host.Send(new SearchUsersQuery(Text: name[6..], Role: Roles.Clerk, Status: UserStatus.Active));
        Assert.Equal(created.UserId, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task Another_citys_admin_can_neither_see_nor_change_the_user_and_row_level_security_hides_the_history()
    {
        var jining = await NewAdminAsync(TenantIds.Jining);
        var zhenjiang = await NewAdminAsync(TenantIds.Zhenjiang);
        string clerkId;
        await using (var host = As(jining))
            clerkId = (await host.Send(new CreateUserCommand(null, Unique("clerk"), "济宁经办", Roles.Clerk))).UserId!;
        var before = await StoredAsync(clerkId);

        await using (var other = As(zhenjiang))
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => other.Send(new GetUserQuery(clerkId)));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => other.Send(new LockUserCommand(clerkId)));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => other.Send(new ResetPasswordCommand(clerkId)));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => other.Send(new DeactivateUserCommand(clerkId)));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => other.Send(new ChangeUserRoleCommand(clerkId, Roles.Admin)));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => other.Send(new SearchUsersQuery(TenantIds.Jining)));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => other.Send(new CreateUserCommand(TenantIds.Jining, Unique("x"), "越界", Roles.Clerk)));
            var own = await other.Send(new SearchUsersQuery(PageSize: 100));
            Assert.All(own.Items, u => Assert.Equal(TenantIds.Zhenjiang, u.TenantId));
            Assert.DoesNotContain(own.Items, u => u.Id == clerkId);
        }

        var after = await StoredAsync(clerkId);
        Assert.Equal((before.SecurityStamp, before.LockoutEnd, before.DeactivatedAt, before.PasswordHash),
            (after.SecurityStamp, after.LockoutEnd, after.DeactivatedAt, after.PasswordHash));

        // The database, not only the query filter: acting for Zhenjiang no Jining history row is visible.
        await using (var zhenjiangDb = database.App(TenantIds.Zhenjiang))
            Assert.False(await zhenjiangDb.Set<UserAdminActionRecord>().IgnoreQueryFilters().AnyAsync(a => a.UserId == Guid.Parse(clerkId)));
        await using (var jiningDb = database.App(TenantIds.Jining))
            Assert.True(await jiningDb.Set<UserAdminActionRecord>().AnyAsync(a => a.UserId == Guid.Parse(clerkId)));
    }

    [Fact]
    public async Task The_history_is_append_only_for_the_application_role()
    {
        var admin = await NewAdminAsync(TenantIds.Shishi);
        await using var db = database.App(TenantIds.Shishi);
        var id = Guid.Parse(admin.UserId!);

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Set<UserAdminActionRecord>().Where(a => a.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, "改写")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Set<UserAdminActionRecord>().Where(a => a.UserId == id).ExecuteDeleteAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        await using var owner = database.Owner();
        Assert.Equal(1, await owner.Set<UserAdminActionRecord>().IgnoreQueryFilters().CountAsync(a => a.UserId == id));
    }

    [Fact]
    public async Task An_admin_cannot_lock_or_deactivate_themself()
    {
        var admin = await NewAdminAsync(TenantIds.Jining);
        await using var host = As(admin);

        var locked = await host.Send(new LockUserCommand(admin.UserId));
        var deactivated = await host.Send(new DeactivateUserCommand(admin.UserId));

        Assert.False(locked.Done);
        Assert.Contains("不能锁定自己", locked.Refusal, StringComparison.Ordinal);
        Assert.False(deactivated.Done);
        Assert.Contains("不能停用自己", deactivated.Refusal, StringComparison.Ordinal);
        var stored = await StoredAsync(admin.UserId!);
        Assert.Null(stored.LockoutEnd);
        Assert.Null(stored.DeactivatedAt);
        Assert.Equal([UserActions.Create], (await host.Send(new GetUserQuery(admin.UserId)))!.History.Select(h => h.Action));
    }

    [Fact]
    public async Task The_last_active_admin_of_a_city_is_neither_locked_deactivated_nor_demoted()
    {
        // Yuzhong's users in this database are this test's only.
        var first = await NewAdminAsync(TenantIds.Yuzhong);
        var second = await NewAdminAsync(TenantIds.Yuzhong);
        await using (var host = As(first))
        {
            var deactivated = await host.Send(new DeactivateUserCommand(second.UserId));
            Assert.True(deactivated.Done, deactivated.Refusal);
        }

        await using var platform = Platform();
        var lockLast = await platform.Send(new LockUserCommand(first.UserId));
        var deactivateLast = await platform.Send(new DeactivateUserCommand(first.UserId));
        var demoteLast = await platform.Send(new ChangeUserRoleCommand(first.UserId, Roles.Clerk));

        foreach (var refused in new[] { lockLast, deactivateLast, demoteLast })
        {
            Assert.False(refused.Done);
            Assert.Contains("最后一位在用的系统管理员", refused.Refusal, StringComparison.Ordinal);
        }
        var stored = await StoredAsync(first.UserId!);
        Assert.Null(stored.LockoutEnd);
        Assert.Null(stored.DeactivatedAt);

        // With a second active admin, the first may be demoted.
        var third = await NewAdminAsync(TenantIds.Yuzhong);
        Assert.True((await platform.Send(new ChangeUserRoleCommand(first.UserId, Roles.Auditor))).Done);
        Assert.False((await platform.Send(new LockUserCommand(third.UserId))).Done);
    }

    [Fact]
    public async Task An_institution_user_is_bound_only_to_an_active_institution_of_the_city()
    {
        var admin = await NewAdminAsync(TenantIds.Jining);
        var active = "U" + Guid.NewGuid().ToString("N")[..8];
        var suspended = "S" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = database.App(TenantIds.Jining))
        {
            db.Institutions.Add(new Institution { TenantId = TenantIds.Jining, Code = active, Name = "测试护理院", RegionCode = "370811" });
            db.Institutions.Add(new Institution
            {
                TenantId = TenantIds.Jining, Code = suspended, Name = "暂停护理院", RegionCode = "370811", Status = InstitutionStatus.Suspended,
            });
            await db.SaveChangesAsync();
        }
        var yulinOnly = "Y" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = database.App(TenantIds.Yulin))
        {
            db.Institutions.Add(new Institution { TenantId = TenantIds.Yulin, Code = yulinOnly, Name = "玉林护理院", RegionCode = "450902" });
            await db.SaveChangesAsync();
        }

        await using var host = As(admin);
        foreach (var code in new[] { "NOPE", suspended, yulinOnly })
        {
            var name = Unique("inst");
            var refused = await host.Send(new CreateUserCommand(null, name, "机构用户", Roles.Institution, code));
            Assert.False(refused.Done);
            Assert.Contains("定点护理机构", refused.Refusal, StringComparison.Ordinal);
            Assert.False(await host.Services.GetRequiredService<IUserAdministration>().UserNameExistsAsync(name));
        }
        await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new CreateUserCommand(null, Unique("inst"), "机构用户", Roles.Institution)));

        var bound = await host.Send(new CreateUserCommand(null, Unique("inst"), "机构用户", Roles.Institution, active));
        Assert.True(bound.Done, bound.Refusal);
        Assert.Equal(active, (await StoredAsync(bound.UserId!)).ProviderCode);
        Assert.Contains(await host.Send(new ListBindableInstitutionsQuery()), i => i.Code == active);
        Assert.DoesNotContain(await host.Send(new ListBindableInstitutionsQuery()), i => i.Code == suspended);

        var assessor = await host.Send(new CreateUserCommand(null, Unique("assessor"), "评估员", Roles.Assessor, AgencyCode: "JN-PG01"));
        Assert.True(assessor.Done, assessor.Refusal);
        Assert.Equal("JN-PG01", (await StoredAsync(assessor.UserId!)).AgencyCode);
        await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new CreateUserCommand(null, Unique("assessor"), "评估员", Roles.Assessor, AgencyCode: "机构 1")));
    }

    [Fact]
    public async Task Lock_unlock_deactivate_and_role_changes_end_sessions_and_are_recorded()
    {
        var admin = await NewAdminAsync(TenantIds.Shishi);
        await using var host = As(admin);
        var created = await host.Send(new CreateUserCommand(null, Unique("clerk"), "石狮经办", Roles.Clerk));
        var id = created.UserId!;
        var stamps = new List<string?> { (await StoredAsync(id)).SecurityStamp };

        Assert.True((await host.Send(new LockUserCommand(id))).Done);
        var locked = await StoredAsync(id);
        Assert.True(locked.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        stamps.Add(locked.SecurityStamp);
        Assert.Equal(UserStatus.Locked, (await host.Send(new GetUserQuery(id)))!.Status);
        Assert.False((await host.Send(new LockUserCommand(id))).Done);

        Assert.True((await host.Send(new UnlockUserCommand(id))).Done);
        Assert.Null((await StoredAsync(id)).LockoutEnd);

        Assert.True((await host.Send(new ChangeUserRoleCommand(id, Roles.Assessor, AgencyCode: "SS01"))).Done);
        var changed = await StoredAsync(id);
        stamps.Add(changed.SecurityStamp);
        Assert.Equal("SS01", changed.AgencyCode);
        Assert.Equal([Roles.Assessor], (await host.Send(new GetUserQuery(id)))!.User.Roles);

        Assert.True((await host.Send(new DeactivateUserCommand(id))).Done);
        var deactivated = await StoredAsync(id);
        stamps.Add(deactivated.SecurityStamp);
        Assert.NotNull(deactivated.DeactivatedAt);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());

        var detail = (await host.Send(new GetUserQuery(id)))!;
        Assert.Equal(UserStatus.Deactivated, detail.Status);
        Assert.Equal(
            [UserActions.Deactivate, UserActions.ChangeRole, UserActions.Unlock, UserActions.Lock, UserActions.Create],
            detail.History.Select(h => h.Action));
        Assert.False((await host.Send(new ResetPasswordCommand(id))).Done);
        Assert.False((await host.Send(new UnlockUserCommand(id))).Done);
        Assert.Equal(5, detail.History.Count);
        var deactivatedOnly = await host.Send(new SearchUsersQuery(Status: UserStatus.Deactivated, PageSize: 100));
        Assert.Contains(deactivatedOnly.Items, u => u.Id == id);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_and_a_taken_user_name_is_refused()
    {
        var admin = await NewAdminAsync(TenantIds.Zhenjiang);
        await using var host = As(admin);

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new CreateUserCommand(null, "Bad Name", "", "boss")));
        Assert.Contains(invalid.Problems, p => p.Message.Contains("用户名", StringComparison.Ordinal));
        Assert.Contains(invalid.Problems, p => p.Message.Contains("姓名", StringComparison.Ordinal));
        Assert.Contains(invalid.Problems, p => p.Message.Contains("角色", StringComparison.Ordinal));

        var taken = await host.Send(new CreateUserCommand(null, admin.UserName, "重名", Roles.Clerk));
        Assert.False(taken.Done);
        Assert.Contains("已被使用", taken.Refusal, StringComparison.Ordinal);

        await using var platform = Platform();
        var noCity = await platform.Send(new CreateUserCommand(null, Unique("clerk"), "无城市", Roles.Clerk));
        Assert.False(noCity.Done);
        await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new LockUserCommand("not-a-guid")));
        Assert.False((await host.Send(new LockUserCommand(Guid.NewGuid().ToString()))).Done);
    }
}
