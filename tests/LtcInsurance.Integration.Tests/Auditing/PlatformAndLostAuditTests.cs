using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.UpdateContact;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Auditing;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Auditing;

/// <summary>
/// Issue #16 item 4, the two gaps of the audit trail: a platform admin with no city chosen is recorded (in the platform
/// table <c>platform_audit_events</c>, append-only like <c>audit_events</c>); a line that cannot be written after the
/// change committed is not silently lost: it is tried again, then counted (<see cref="AuditLossMonitor"/>, which turns
/// /health/ready degraded) and logged as critical with its content (ADR 0007).
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class PlatformAndLostAuditTests(RegisterDatabase database)
{
    [Fact]
    public async Task A_platform_admin_without_a_city_is_recorded_in_the_platform_trail_without_the_one_time_password()
    {
        var admin = "admin.platform." + Guid.NewGuid().ToString("N")[..6];
        var user = "clerk.byplatform." + Guid.NewGuid().ToString("N")[..6];
        var platformAdmin = new CurrentUser("id-" + admin, admin, null, [Roles.Admin]) { ClientAddress = "198.51.100.9" };
        string oneTimePassword;
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, platformAdmin))
        {
            var created = await host.Send(new CreateUserCommand(TenantIds.Yulin, user, "平台建的经办", Roles.Clerk, null));
            Assert.True(created.Done, created.Refusal);
            oneTimePassword = created.OneTimePassword!;
            await Assert.ThrowsAnyAsync<Exception>(() => host.Send(new CreateUserCommand(new string('x', 40), user + "x", "城市代码过长", Roles.Clerk, null)));
        }

        var lines = await PlatformLinesAsync(admin);
        Assert.Equal(2, lines.Count);
        var done = lines[0];
        Assert.Equal(("CreateUser", AuditOutcomes.Succeeded, AuditKinds.Change), (done.Action, done.Outcome, done.Kind));
        Assert.Equal("198.51.100.9", done.ClientAddress);
        Assert.Contains(user, done.Request, StringComparison.Ordinal);
        Assert.Contains(TenantIds.Yulin, done.Request, StringComparison.Ordinal);
        Assert.DoesNotContain(oneTimePassword, (done.Request ?? "") + done.AfterValue, StringComparison.Ordinal);
        Assert.NotEqual(AuditOutcomes.Succeeded, lines[1].Outcome);
        // Nothing of it leaked into a city's trail.
        await using var yulin = database.App(TenantIds.Yulin);
        Assert.Empty(await yulin.Set<AuditEvent>().AsNoTracking().Where(e => e.UserName == admin).ToListAsync());
    }

    [Theory]
    [InlineData("UPDATE platform_audit_events SET user_name = 'someone.else'")]
    [InlineData("DELETE FROM platform_audit_events")]
    [InlineData("TRUNCATE platform_audit_events")]
    public async Task The_application_role_cannot_alter_or_delete_the_platform_trail(string sql)
    {
        var admin = "admin.kept." + Guid.NewGuid().ToString("N")[..6];
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, new CurrentUser("id-" + admin, admin, null, [Roles.Admin])))
            await Assert.ThrowsAnyAsync<Exception>(() => host.Send(new CreateUserCommand(new string('x', 40), "nobody.at.all", "无", Roles.Clerk, null)));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Server.AppConnectionString, sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        var owner = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Server.OwnerConnectionString,
            $"UPDATE platform_audit_events SET user_name = 'x' WHERE user_name = '{admin}'"));
        Assert.Contains("append-only", owner.MessageText, StringComparison.Ordinal);
        Assert.Single(await PlatformLinesAsync(admin));
    }

    [Fact]
    public async Task An_audit_line_that_cannot_be_written_is_counted_and_the_change_stands()
    {
        var (owner, app) = await database.FreshYulinDatabaseAsync("auditloss");
        Guid person;
        await using (var db = new LtcDbContext(LtcDbContextOptions.ForApplication(app), new FixedCurrentTenant(TenantIds.Yulin)))
            person = (await RegisterDatabase.AddPersonAsync(db, "韦丢失", "450902", new DateOnly(1960, 1, 1))).Id;
        var clerk = new CurrentUser("id-clerk.loss", "clerk.loss", TenantIds.Yulin, [Roles.Clerk]);
        await using var host = UseCaseHost.As(app, clerk);
        var losses = host.Services.GetRequiredService<AuditLossMonitor>();

        await host.Send(new UpdateContactCommand(new PersonId(person), "13800000011", null));
        Assert.Equal(0, losses.LostCount);

        // The trail's table refuses the application role (a revoked grant, a full disk, a broken connection: the same).
        await ExecuteAsync(owner, $"REVOKE INSERT ON audit_events FROM {TenantRowLevelSecurityRole()}");
        await host.Send(new UpdateContactCommand(new PersonId(person), "13800000012", null));

        Assert.Equal(1, losses.LostCount);
        Assert.Contains("UpdateContact", losses.LastLoss, StringComparison.Ordinal);
        await using var check = new NpgsqlConnection(owner);
        await check.OpenAsync();
        await using var phone = new NpgsqlCommand($"SELECT phone FROM insured_people WHERE id = '{person}'", check);
        Assert.Equal("13800000012", await phone.ExecuteScalarAsync());
        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_events WHERE user_name = 'clerk.loss'", check);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    private static string TenantRowLevelSecurityRole() => LtcInsurance.Infrastructure.Persistence.Migrations.TenantRowLevelSecurity.ApplicationRole;

    private async Task<List<PlatformAuditEvent>> PlatformLinesAsync(string userName)
    {
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(database.Server.AppConnectionString), new FixedCurrentTenant(null));
        return await db.Set<PlatformAuditEvent>().AsNoTracking().Where(e => e.UserName == userName).OrderBy(e => e.OccurredAt).ToListAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
