using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using Npgsql;
using static LtcInsurance.Integration.Tests.Ledger.LedgerDatabase;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>What the database itself refuses, and what verification catches when someone goes around it.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public class LedgerTamperTests(LedgerDatabase database)
{
    private static readonly DateOnly Jan5 = new(2027, 1, 5);

    private async Task<string> TenantWithThreeEntriesAsync()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        await poster.PostAsync(Contribution("c1", 12m, Jan5));
        await poster.PostAsync(Claim("k1", 840m, Jan5));
        await poster.PostAsync(Contribution("c2", 368m, Jan5));
        return tenant;
    }

    private Task<VerificationResult> VerifyAsync(string tenant) => database.VerifyAsync(tenant);

    /// <summary>The owner (a superuser here) switches triggers off for its session, as an insider would.</summary>
    private Task AsOwnerWithoutTriggersAsync(string tenant, string sql) =>
        database.ExecuteAsync(database.Server.OwnerConnectionString, tenant,
            "SET LOCAL session_replication_role = replica;\n" + sql);

    [Theory]
    [InlineData("UPDATE journal_entries SET description = 'x' WHERE tenant_id = '{0}' AND sequence = 2")]
    [InlineData("DELETE FROM journal_postings WHERE tenant_id = '{0}' AND sequence = 2")]
    [InlineData("UPDATE journal_postings SET amount = 1 WHERE tenant_id = '{0}'")]
    public async Task The_application_role_cannot_update_or_delete_journal_rows(string sqlTemplate)
    {
        var tenant = await TenantWithThreeEntriesAsync();
        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            database.ExecuteAsync(database.Server.AppConnectionString, tenant, string.Format(null, sqlTemplate, tenant)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.StartsWith("permission denied", ex.MessageText, StringComparison.Ordinal); // the grant, not the trigger
    }

    [Fact]
    public async Task Even_the_owner_cannot_update_journal_rows_while_the_triggers_stand()
    {
        var tenant = await TenantWithThreeEntriesAsync();
        var ex = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(database.Server.OwnerConnectionString,
            tenant, $"UPDATE journal_postings SET amount = amount + 1 WHERE tenant_id = '{tenant}' AND sequence = 2"));
        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unbalanced_entry_written_around_the_service_is_refused_at_commit()
    {
        var tenant = await database.NewTenantAsync();
        var ex = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(database.Server.AppConnectionString, tenant, $"""
            INSERT INTO journal_entries (tenant_id, sequence, business_date, period, description, source_type,
                source_reference, idempotency_key, recorded_at, previous_hash, hash)
            VALUES ('{tenant}', 1, '2027-01-05', '2027-01', 'x', 'bill', 'b', 'k', now(), repeat('0', 64), repeat('1', 64));
            INSERT INTO journal_postings (tenant_id, sequence, line, account_code, side, amount)
            VALUES ('{tenant}', 1, 1, '1001', 'D', 10.00), ('{tenant}', 1, 2, '3101', 'C', 9.99);
            """));
        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
    }

    [Fact]
    public async Task An_amount_altered_by_the_owner_is_reported_at_its_entry()
    {
        var tenant = await TenantWithThreeEntriesAsync();
        Assert.True((await VerifyAsync(tenant)).IsIntact);

        await AsOwnerWithoutTriggersAsync(tenant,
            $"UPDATE journal_postings SET amount = 8400.00 WHERE tenant_id = '{tenant}' AND sequence = 2 AND line = 1");

        var result = await VerifyAsync(tenant);
        Assert.Equal((2L, ChainProblem.Unbalanced), (result.FirstBreak!.Sequence, result.FirstBreak.Problem));
        Assert.Equal(1, result.EntriesChecked);
    }

    [Fact]
    public async Task A_balanced_rewrite_of_both_lines_is_still_caught_by_the_hash()
    {
        var tenant = await TenantWithThreeEntriesAsync();
        await AsOwnerWithoutTriggersAsync(tenant,
            $"UPDATE journal_postings SET amount = 8400.00 WHERE tenant_id = '{tenant}' AND sequence = 2");
        var result = await VerifyAsync(tenant);
        Assert.Equal((2L, ChainProblem.HashMismatch), (result.FirstBreak!.Sequence, result.FirstBreak.Problem));
    }

    [Fact]
    public async Task Deleting_the_last_entry_is_caught_by_the_recorded_head()
    {
        var tenant = await TenantWithThreeEntriesAsync();
        await AsOwnerWithoutTriggersAsync(tenant, $"""
            DELETE FROM journal_postings WHERE tenant_id = '{tenant}' AND sequence = 3;
            DELETE FROM journal_entries WHERE tenant_id = '{tenant}' AND sequence = 3;
            """);
        var result = await VerifyAsync(tenant);
        Assert.Equal((3L, ChainProblem.HeadMismatch), (result.FirstBreak!.Sequence, result.FirstBreak.Problem));
    }

    [Fact]
    public async Task An_entry_appended_beyond_the_head_by_the_owner_is_reported()
    {
        var tenant = await TenantWithThreeEntriesAsync();
        await AsOwnerWithoutTriggersAsync(tenant, $"""
            INSERT INTO journal_entries (tenant_id, sequence, business_date, period, description, source_type,
                source_reference, idempotency_key, recorded_at, previous_hash, hash)
            SELECT tenant_id, 4, business_date, period, 'x', source_type, 'x', 'x4', now(), hash, hash
            FROM journal_entries WHERE tenant_id = '{tenant}' AND sequence = 3;
            """);
        var result = await VerifyAsync(tenant);
        Assert.Equal((4L, ChainProblem.HeadMismatch), (result.FirstBreak!.Sequence, result.FirstBreak.Problem));
        Assert.Equal(3, result.EntriesChecked);
    }

    [Fact]
    public async Task Verifying_while_entries_are_posted_never_reports_a_break()
    {
        var tenant = await TenantWithThreeEntriesAsync();
        using var posting = new CancellationTokenSource();
        var poster = Task.Run(async () =>
        {
            var posted = 0;
            await using var db = database.App(tenant);
            var service = Poster(db);
            while (!posting.IsCancellationRequested && posted < 400)
                await service.PostAsync(Contribution($"race{posted++}", 1m, Jan5));
            return posted;
        });

        var results = new List<VerificationResult>();
        for (var i = 0; i < 15; i++)
            results.Add(await VerifyAsync(tenant));
        await posting.CancelAsync();
        var posted = await poster;

        Assert.True(posted > 0);
        Assert.All(results, r => Assert.Null(r.FirstBreak));
        Assert.True((await VerifyAsync(tenant)).IsIntact);
    }
}
