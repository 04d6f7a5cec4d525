using FsCheck;
using FsCheck.Fluent;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>
/// The maintained balances (<c>ledger_balances</c>, kept by a trigger on the postings; issue #15 item 7) always equal
/// the sum of the posting lines per period, source type, account and side: after single posts, batches, reversals and
/// a year-end close, for FsCheck-generated sessions. The application role can only read them, for its own tenant.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class LedgerBalancesTests(LedgerDatabase database)
{
    /// <summary>(debit account, credit account, cents, month offset, reverse it afterwards, post in a batch).</summary>
    private static readonly Gen<(int Debit, int Credit, int Cents, int Month, bool Reverse, bool Batch)> DraftGen =
        from debit in Gen.Choose(0, 1000)
        from credit in Gen.Choose(0, 1000)
        from cents in Gen.Choose(1, 5_000_000)
        from month in Gen.Choose(0, 17)
        from reverse in Gen.Elements(true, false, false)
        from batch in Gen.Elements(true, false)
        select (debit, credit, cents, month, reverse, batch);

    [Fact]
    public async Task The_maintained_balances_equal_the_postings_after_posts_batches_reversals_and_a_year_end()
    {
        var sessions = Gen.Sample(Gen.Choose(4, 16).SelectMany(n => Gen.ListOf(DraftGen, n)).Select(l => l.ToList()), 20, 6);
        foreach (var session in sessions)
        {
            var tenant = await database.NewTenantAsync();
            var codes = StandardChart.For(tenant).Select(a => a.Code).ToArray();
            var batch = new List<EntryDraft>();
            var toReverse = new HashSet<string>(StringComparer.Ordinal);
            var posted = new List<string>();
            for (var i = 0; i < session.Count; i++)
            {
                var (debit, credit, cents, month, reverse, inBatch) = session[i];
                var amount = cents / 100m;
                var date = new DateOnly(2027, 1, 10).AddMonths(month);
                var creditCode = codes[credit % codes.Length] == codes[debit % codes.Length]
                    ? codes[(credit + 1) % codes.Length] : codes[credit % codes.Length];
                var draft = new EntryDraft(date, "性质测试", new SourceDocument((SourceDocumentType)(i % 4), $"P-{i}"), $"p-{i}",
                    [Posting.Debit(codes[debit % codes.Length], amount), Posting.Credit(creditCode, amount)]);
                if (reverse)
                    toReverse.Add(draft.IdempotencyKey);
                if (inBatch)
                {
                    batch.Add(draft);
                    continue;
                }
                await using var db = database.App(tenant);
                try
                {
                    await LedgerDatabase.Poster(db).PostAsync(draft);
                    posted.Add(draft.IdempotencyKey);
                }
                catch (LedgerRuleException)
                {
                    // Refused by a ledger rule (an account the rule keeps out): nothing posted, nothing to add.
                }
            }
            await using (var db = database.App(tenant))
                posted.AddRange((await LedgerDatabase.Poster(db).PostBatchAsync(batch)).Where(r => !r.Refused)
                    .Select(r => r.Draft.IdempotencyKey));
            var reversed = 0;
            foreach (var key in posted.Where(toReverse.Contains))
            {
                await using var db = database.App(tenant);
                var sequence = db.JournalEntries.Single(e => e.IdempotencyKey == key).Sequence;
                await LedgerDatabase.Poster(db).ReverseAsync(sequence, new DateOnly(2028, 6, 15), "rev-" + key);
                reversed++;
            }
            await using (var db = database.App(tenant))
                await LedgerDatabase.Poster(db).CloseYearAsync(2027);

            var (maintained, summed) = await BalancesAsync(tenant);
            Assert.Equal(summed, maintained);
            // Every line counted once: two per entry posted or reversed, besides the year-end's closing entry.
            Assert.Equal(2L * (posted.Count + reversed), maintained.Where(b => b.Source != "closing").Sum(b => b.Lines));
        }
    }

    [Fact]
    public async Task A_reversal_brings_the_trial_balance_read_from_the_maintained_balances_back_to_zero()
    {
        var tenant = await database.NewTenantAsync();
        long sequence;
        await using (var db = database.App(tenant))
            sequence = (await LedgerDatabase.Poster(db).PostAsync(LedgerDatabase.Contribution("bal-1", 123.45m, new DateOnly(2027, 3, 5)))).Entry.Sequence;
        await using var host = database.UseCases(tenant);
        var before = await host.Send(new GetTrialBalanceQuery());
        Assert.Equal(123.45m, before.Rows.Single(r => r.Code == StandardChart.FundSpecialAccount).Debits);
        Assert.True(before.IsBalanced);

        await using (var db = database.App(tenant))
            await LedgerDatabase.Poster(db).ReverseAsync(sequence, new DateOnly(2027, 4, 2), "bal-1-rev");
        var after = await host.Send(new GetTrialBalanceQuery());
        Assert.All(after.Rows, r => Assert.Equal(0m, r.Debits - r.Credits));
        Assert.Equal(123.45m * 2, after.TotalDebits);
        var (maintained, summed) = await BalancesAsync(tenant);
        Assert.Equal(summed, maintained);
    }

    [Fact]
    public async Task The_application_role_reads_only_its_own_balances_and_cannot_change_them()
    {
        var tenant = await database.NewTenantAsync();
        var other = await database.NewTenantAsync();
        await using (var db = database.App(tenant))
            await LedgerDatabase.Poster(db).PostAsync(LedgerDatabase.Contribution("own-1", 10m, new DateOnly(2027, 3, 5)));
        await using (var db = database.App(other))
            await LedgerDatabase.Poster(db).PostAsync(LedgerDatabase.Contribution("other-1", 20m, new DateOnly(2027, 3, 5)));

        await using (var db = database.App(tenant))
        {
            // The query filter off: row-level security alone keeps the other city's rows out.
            var seen = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.LedgerBalances)
                .Select(b => b.TenantId).Distinct().ToList();
            Assert.Equal([tenant], seen);
        }

        foreach (var sql in new[]
                 {
                     $"UPDATE ledger_balances SET amount = amount + 1 WHERE tenant_id = '{tenant}'",
                     $"DELETE FROM ledger_balances WHERE tenant_id = '{tenant}'",
                     $"INSERT INTO ledger_balances VALUES ('{tenant}', '2027-05', 'bill', '{StandardChart.FundSpecialAccount}', 'D', 1, 1)",
                     "SELECT ledger_add_to_balances()",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                database.ExecuteAsync(database.Server.AppConnectionString, tenant, sql));
            Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.FeatureNotSupported
                or "0A000" or "42883", $"{sql}: {refused.SqlState} {refused.MessageText}");
        }

        var (maintained, summed) = await BalancesAsync(tenant);
        Assert.Equal(summed, maintained);
        Assert.Equal(10m, maintained.Where(b => b.Side == "D").Sum(b => b.Amount));
    }

    private sealed record Balance(string Period, string Source, string Account, string Side, decimal Amount, long Lines);

    /// <summary>The tenant's maintained balances and the same sums computed from the postings (read by the owner).</summary>
    private async Task<(List<Balance> Maintained, List<Balance> Summed)> BalancesAsync(string tenant)
    {
        await using var connection = new NpgsqlConnection(database.Server.OwnerConnectionString);
        await connection.OpenAsync();
        async Task<List<Balance>> ReadAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("t", tenant);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Balance>();
            while (await reader.ReadAsync())
                rows.Add(new Balance(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetDecimal(4), reader.GetInt64(5)));
            return rows;
        }
        var maintained = await ReadAsync("""
            SELECT period, source_type, account_code, side, amount, lines FROM ledger_balances
             WHERE tenant_id = @t ORDER BY 1, 2, 3, 4
            """);
        var summed = await ReadAsync("""
            SELECT e.period, e.source_type, p.account_code, p.side, sum(p.amount), count(*)
              FROM journal_postings p JOIN journal_entries e ON e.tenant_id = p.tenant_id AND e.sequence = p.sequence
             WHERE p.tenant_id = @t GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """);
        Assert.NotEmpty(summed);
        return (maintained, summed);
    }
}
