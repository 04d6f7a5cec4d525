using LtcInsurance.Application.Auditing;
using LtcInsurance.Application.Auditing.ExportAuditEvents;
using LtcInsurance.Application.Auditing.SearchAuditEvents;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.People.ExportPeople;
using LtcInsurance.Application.People.GetPersonDetail;
using LtcInsurance.Application.People.UpdateContact;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Auditing;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Auditing;

/// <summary>
/// Issue #14 item 2 (audit trail) and issue #16 item 4 (accountability): every command sent through the sender is on
/// record with who, what, when, from where and its outcome; views and exports of full personal data too; the trail is
/// append-only for the application role (and, by its trigger, for the owner), tenant-scoped, and only auditors search it.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class AuditTrailTests(RegisterDatabase database)
{
    private static CurrentUser Clerk(string name) =>
        new("id-" + name, name, TenantIds.Yulin, [Roles.Clerk]) { ClientAddress = "203.0.113.7" };

    private static readonly CurrentUser Auditor = new("id-auditor", "auditor.trail", TenantIds.Yulin, [Roles.Auditor]);

    [Fact]
    public async Task A_change_is_recorded_with_who_what_when_where_before_and_after()
    {
        var person = await PersonAsync("韦审计");
        var clerk = "clerk.audit." + Guid.NewGuid().ToString("N")[..6];
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, Clerk(clerk)))
            await host.Send(new UpdateContactCommand(new PersonId(person), "13800000001", "玉林市审计路1号"));

        var line = Assert.Single(await EventsAsync(clerk));
        Assert.Equal(AuditKinds.Change, line.Kind);
        Assert.Equal("UpdateContact", line.Action);
        Assert.Equal(AuditOutcomes.Succeeded, line.Outcome);
        Assert.Equal("203.0.113.7", line.ClientAddress);
        Assert.Equal(("Person", person.ToString()), (line.EntityType, line.EntityId));
        Assert.InRange(line.OccurredAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Contains("13800000001", line.Request, StringComparison.Ordinal);
        Assert.Contains("\"Phone\":null", line.BeforeValue, StringComparison.Ordinal);
        Assert.Contains("玉林市审计路1号", line.AfterValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_command_is_recorded_as_refused_with_its_reason()
    {
        var clerk = "clerk.refused." + Guid.NewGuid().ToString("N")[..6];
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, Clerk(clerk)))
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                host.Send(new UpdateContactCommand(new PersonId(Guid.NewGuid()), "13800000002", null)));
        }

        var line = Assert.Single(await EventsAsync(clerk));
        Assert.Equal(AuditOutcomes.Refused, line.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(line.Message));
    }

    [Fact]
    public async Task Views_of_full_personal_data_and_exports_are_recorded_with_the_row_count()
    {
        var person = await PersonAsync("韦查看");
        var clerk = "clerk.viewer." + Guid.NewGuid().ToString("N")[..6];
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, Clerk(clerk)))
        {
            await host.Send(new GetPersonDetailQuery(new PersonId(person)));
            await host.Send(new ExportPeopleQuery("韦查看", ExportFormat.Csv));
        }

        var lines = await EventsAsync(clerk);
        var view = Assert.Single(lines, l => l.Kind == AuditKinds.View);
        Assert.Equal(("person.detail", "Person", person.ToString()), (view.Action, view.EntityType, view.EntityId));
        var export = Assert.Single(lines, l => l.Kind == AuditKinds.Export);
        Assert.Equal("people", export.Action);
        Assert.True(export.RowCount >= 1);
    }

    [Fact]
    public async Task Only_auditors_search_and_export_the_trail_of_their_own_city()
    {
        var person = await PersonAsync("韦搜索");
        var clerk = "clerk.searched." + Guid.NewGuid().ToString("N")[..6];
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, Clerk(clerk)))
            await host.Send(new UpdateContactCommand(new PersonId(person), "13800000003", null));

        await using var auditor = UseCaseHost.As(database.Server.AppConnectionString, Auditor);
        var page = await auditor.Send(new SearchAuditEventsQuery(new AuditEventFilter(User: clerk, EntityType: "Person"), 0, 10));
        Assert.Equal(person.ToString(), Assert.Single(page.Items).EntityId);
        var file = await auditor.Send(new ExportAuditEventsQuery(new AuditEventFilter(User: clerk), ExportFormat.Csv));
        Assert.Contains(clerk, System.Text.Encoding.UTF8.GetString(file.Content.Span), StringComparison.Ordinal);

        await using var otherCity = UseCaseHost.As(database.Server.AppConnectionString,
            new CurrentUser("id-a2", "auditor.other", TenantIds.Jining, [Roles.Auditor]));
        Assert.Empty((await otherCity.Send(new SearchAuditEventsQuery(new AuditEventFilter(User: clerk), 0, 10))).Items);

        await using var admin = UseCaseHost.As(database.Server.AppConnectionString, new CurrentUser("id-ad", "admin.x", TenantIds.Yulin, [Roles.Admin]));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => admin.Send(new SearchAuditEventsQuery(new AuditEventFilter(), 0, 10)));
        await Assert.ThrowsAsync<RequestValidationException>(() => auditor.Send(
            new SearchAuditEventsQuery(new AuditEventFilter(From: new DateOnly(2027, 2, 1), To: new DateOnly(2027, 1, 1)), 0, 10)));
    }

    [Theory]
    [InlineData("UPDATE audit_events SET user_name = 'someone.else' WHERE tenant_id = 'yulin'")]
    [InlineData("UPDATE audit_events SET outcome = 'succeeded' WHERE tenant_id = 'yulin' AND outcome = 'refused'")]
    [InlineData("DELETE FROM audit_events WHERE tenant_id = 'yulin'")]
    [InlineData("TRUNCATE audit_events")]
    public async Task The_application_role_cannot_alter_or_delete_the_trail(string sql)
    {
        var clerk = "clerk.kept." + Guid.NewGuid().ToString("N")[..6];
        var person = await PersonAsync("韦保留");
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, Clerk(clerk)))
            await host.Send(new UpdateContactCommand(new PersonId(person), "13800000004", null));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Server.AppConnectionString, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(clerk, Assert.Single(await EventsAsync(clerk)).UserName);
    }

    [Fact]
    public async Task Even_the_owner_cannot_rewrite_the_trail_while_its_trigger_stands()
    {
        var clerk = "clerk.owner." + Guid.NewGuid().ToString("N")[..6];
        var person = await PersonAsync("韦所有");
        await using (var host = UseCaseHost.As(database.Server.AppConnectionString, Clerk(clerk)))
            await host.Send(new UpdateContactCommand(new PersonId(person), "13800000005", null));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Server.OwnerConnectionString,
            $"UPDATE audit_events SET user_name = 'x' WHERE user_name = '{clerk}'"));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Single(await EventsAsync(clerk));
    }

    private async Task<Guid> PersonAsync(string name)
    {
        await using var db = database.App(TenantIds.Yulin);
        return (await RegisterDatabase.AddPersonAsync(db, name + Guid.NewGuid().ToString("N")[..4], "450902", new DateOnly(1960, 1, 1))).Id;
    }

    private async Task<List<AuditEvent>> EventsAsync(string userName)
    {
        await using var db = database.App(TenantIds.Yulin);
        return await db.Set<AuditEvent>().AsNoTracking().Where(e => e.UserName == userName).OrderBy(e => e.OccurredAt).ToListAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await TenantSession.SetForTransactionAsync(connection, transaction, TenantIds.Yulin);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
            await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
