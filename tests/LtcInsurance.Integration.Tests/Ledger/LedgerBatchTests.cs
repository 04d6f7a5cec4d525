using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static LtcInsurance.Integration.Tests.Ledger.LedgerDatabase;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>The batch append (one lock, one read, one write statement, one commit) and the round trips of a posting.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public class LedgerBatchTests(LedgerDatabase database)
{
    private static readonly DateOnly Jan5 = new(2027, 1, 5);
    private static readonly DateTimeOffset Noon = new(2027, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static List<EntryDraft> Drafts(int n) =>
        [.. Enumerable.Range(1, n).Select(i => i % 3 == 0 ? Claim($"k{i}", 100m + i, Jan5) : Contribution($"c{i}", 10m + i, Jan5))];

    [Fact]
    public async Task A_batch_of_drafts_seals_the_same_entries_as_posting_them_one_by_one_and_the_chain_verifies()
    {
        var tenant = await database.NewTenantAsync();
        var drafts = Drafts(40);
        var model = new TenantBooks(tenant, StandardChart.For(tenant));
        var single = drafts.Select(d => Assert.IsType<AppendDecision.Append>(model.Append(d, Noon)).Entry).ToList();

        await using var db = database.App(tenant);
        var poster = new LedgerPostingService(db, new FixedClock(Noon));
        await poster.PostAsync(drafts[0]); // the first one alone, the rest as one batch
        var results = await poster.PostBatchAsync(drafts[1..]);

        Assert.All(results, r => Assert.False(r.Refused || r.Result!.AlreadyPosted));
        Assert.Equal(single.Skip(1).Select(e => (e.Sequence, e.Hash)), results.Select(r => (r.Result!.Entry.Sequence, r.Result.Entry.Hash)));
        var stored = await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(single.Select(e => e.Hash), stored.Select(e => e.Hash));
        Assert.Equal(single.Select(e => e.Hash), stored.Select(e => EntryHash.Compute(e.ToDomain())));
        var head = await db.Set<LedgerChainHeadRecord>().AsNoTracking().SingleAsync();
        Assert.Equal((40L, single[^1].Hash), (head.LastSequence, head.LastHash));
        var verified = await database.VerifyAsync(tenant);
        Assert.True(verified.IsIntact, verified.FirstBreak?.Detail);
        Assert.Equal(40, verified.EntriesChecked);
    }

    [Fact]
    public async Task A_repeated_key_in_a_batch_is_already_posted_and_a_differing_one_is_reported_both_writing_nothing()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        var before = await poster.PostAsync(Contribution("old", 5m, Jan5));

        var results = await poster.PostBatchAsync([
            Contribution("a", 12m, Jan5),
            Contribution("a", 12m, Jan5),   // the same request again, within the batch
            Contribution("a", 99m, Jan5),   // the key reused for another amount
            Contribution("old", 5m, Jan5),  // posted before the batch
            Contribution("old", 6m, Jan5),
            Contribution("b", 7m, Jan5),
        ]);

        Assert.Equal([false, true, true, true, true, false], results.Select(r => r.Result!.AlreadyPosted));
        Assert.Equal([false, false, true, false, true, false], results.Select(r => r.Result!.DiffersFromRequest));
        Assert.Equal([2L, 2L, 2L, 1L, 1L, 3L], results.Select(r => r.Result!.Entry.Sequence));
        Assert.Equal(before.Entry.Hash, results[3].Result!.Entry.Hash);
        Assert.Equal(3, await db.Set<JournalEntryRecord>().CountAsync());
        Assert.Equal(6, await db.Set<JournalPostingRecord>().CountAsync());

        var again = await poster.PostBatchAsync([Contribution("a", 12m, Jan5), Contribution("b", 7m, Jan5)]);
        Assert.All(again, r => Assert.True(r.Result!.AlreadyPosted && !r.Result.DiffersFromRequest));
        Assert.Equal(3, await db.Set<JournalEntryRecord>().CountAsync());
        Assert.True((await database.VerifyAsync(tenant)).IsIntact);
    }

    [Fact]
    public async Task A_batch_into_a_closed_period_books_late_items_in_the_next_month_and_refuses_an_explicit_closed_month()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        await poster.ClosePeriodAsync(new LedgerPeriod(2027, 1));

        var results = await poster.PostBatchAsync([
            Contribution("late", 12m, Jan5),
            Contribution("asked", 13m, Jan5, new LedgerPeriod(2027, 1)),
            Contribution("feb", 14m, new DateOnly(2027, 2, 3)),
        ]);

        var late = results[0].Result!.Entry;
        Assert.Equal((new LedgerPeriod(2027, 2), (LedgerPeriod?)new LedgerPeriod(2027, 1)), (late.Period, late.OriginalPeriod));
        Assert.True(results[1].Refused);
        Assert.Equal(LedgerRules.ClosedPeriod, results[1].RefusedRule);
        Assert.Equal(2L, results[2].Result!.Entry.Sequence); // the refused draft takes no sequence
        Assert.Equal(2, await db.Set<JournalEntryRecord>().CountAsync());
        Assert.True((await database.VerifyAsync(tenant)).IsIntact);

        // A single post into the closed month still throws, and writes nothing.
        var refused = await Assert.ThrowsAsync<LedgerRuleException>(() =>
            poster.PostAsync(Contribution("asked", 13m, Jan5, new LedgerPeriod(2027, 1))));
        Assert.Equal(LedgerRules.ClosedPeriod, refused.Rule);
        Assert.Equal(2, await db.Set<JournalEntryRecord>().CountAsync());
    }

    [Fact]
    public async Task A_batch_may_reverse_an_entry_of_the_same_batch_once()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        var claim = Claim("k1", 840m, Jan5);
        var mirror = new EntryDraft(Jan5, "冲销", claim.Source, "rev-1", [.. claim.Postings.Select(p => p.Swapped())], reverses: 1);
        var twice = new EntryDraft(Jan5, "冲销", claim.Source, "rev-2", [.. claim.Postings.Select(p => p.Swapped())], reverses: 1);

        var results = await poster.PostBatchAsync([claim, mirror, twice]);

        Assert.Equal(1L, results[1].Result!.Entry.Reverses);
        Assert.True(results[2].Refused);
        Assert.True((await database.VerifyAsync(tenant)).IsIntact);
    }

    [Fact]
    public async Task A_posting_in_its_own_transaction_takes_at_most_four_round_trips_and_so_does_a_batch()
    {
        var tenant = await database.NewTenantAsync();
        await using var counter = RoundTripCounter.Start(database.Server.Port);
        var proxied = new NpgsqlConnectionStringBuilder(database.Server.AppConnectionString) { Port = counter.Port }.ConnectionString;
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(proxied), new FixedCurrentTenant(tenant));
        var poster = Poster(db);
        await poster.PostAsync(Contribution("warm-up", 1m, Jan5)); // opens the pooled connection

        counter.Reset();
        var posted = await poster.PostAsync(Contribution("c1", 12m, Jan5));
        var single = counter.RoundTrips;

        counter.Reset();
        var retry = await poster.PostAsync(Contribution("c1", 12m, Jan5));
        var retried = counter.RoundTrips;

        counter.Reset();
        var batch = await poster.PostBatchAsync(Drafts(100).Select(d => Contribution("b" + d.IdempotencyKey, d.TotalDebits, Jan5)).ToList());
        var batched = counter.RoundTrips;

        Assert.False(posted.AlreadyPosted);
        Assert.True(retry.AlreadyPosted);
        Assert.Equal(102L, batch[^1].Result!.Entry.Sequence);
        Assert.InRange(single, 1, 4);
        Assert.InRange(retried, 1, 4);
        Assert.InRange(batched, 1, 4);
        Assert.True((await database.VerifyAsync(tenant)).IsIntact);
    }

    [Fact]
    public async Task An_entry_without_its_postings_in_the_same_statement_is_refused_by_the_statement_check()
    {
        var tenant = await database.NewTenantAsync();
        var ex = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(database.Server.AppConnectionString, tenant, $"""
            INSERT INTO journal_entries (tenant_id, sequence, business_date, period, description, source_type,
                source_reference, idempotency_key, recorded_at, previous_hash, hash)
            VALUES ('{tenant}', 1, '2027-01-05', '2027-01', 'x', 'bill', 'b', 'k', now(), repeat('0', 64), repeat('1', 64));
            """));
        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);

        // Written together, balanced: accepted; a posting added later to that entry: refused.
        await database.ExecuteAsync(database.Server.AppConnectionString, tenant, $"""
            WITH e AS (
                INSERT INTO journal_entries (tenant_id, sequence, business_date, period, description, source_type,
                    source_reference, idempotency_key, recorded_at, previous_hash, hash)
                VALUES ('{tenant}', 1, '2027-01-05', '2027-01', 'x', 'bill', 'b', 'k', now(), repeat('0', 64), repeat('1', 64)))
            INSERT INTO journal_postings (tenant_id, sequence, line, account_code, side, amount)
            VALUES ('{tenant}', 1, 1, '1001', 'D', 10.00), ('{tenant}', 1, 2, '3101', 'C', 10.00);
            """);
        var late = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(database.Server.AppConnectionString, tenant,
            $"INSERT INTO journal_postings (tenant_id, sequence, line, account_code, side, amount) VALUES ('{tenant}', 1, 3, '1001', 'D', 1.00)"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, late.SqlState);
    }
}
