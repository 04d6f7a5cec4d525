using LtcInsurance.Application.Ledger.GetAccountStatement;
using LtcInsurance.Application.Ledger.GetIncomeAndExpenditure;
using LtcInsurance.Application.Ledger.GetJournalEntry;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Application.Ledger.ListChartAccounts;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;
using LtcInsurance.Infrastructure.Ledger;
using Microsoft.EntityFrameworkCore;
using static LtcInsurance.Integration.Tests.Ledger.LedgerDatabase;

namespace LtcInsurance.Integration.Tests.Ledger;

[Collection(LedgerDatabaseCollection.Name)]
public class LedgerPostingTests(LedgerDatabase database)
{
    private static readonly DateOnly Jan5 = new(2027, 1, 5);

    [Fact]
    public async Task Posted_entries_read_back_unchanged_and_the_chain_verifies()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        var first = (await poster.PostAsync(Contribution("c1", 12m, Jan5))).Entry;
        await poster.PostAsync(Contribution("c2", 368m, Jan5));
        await poster.PostAsync(Claim("k1", 1350.45m, new DateOnly(2027, 1, 31)));

        await using var auditor = database.UseCases(tenant);
        var readBack = (await auditor.Send(new GetJournalEntryQuery(new EntrySequence(1))))!.Entry;
        Assert.Equal(first.Hash, readBack.Hash);
        Assert.Equal(first.Hash, EntryHash.Compute(readBack));
        var result = await database.VerifyAsync(tenant);
        Assert.True(result.IsIntact, result.FirstBreak?.Detail);
        Assert.Equal(3, result.EntriesChecked);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_returns_the_first_entry_and_writes_nothing()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        var first = await poster.PostAsync(Contribution("bill-7", 12m, Jan5));
        var again = await poster.PostAsync(Contribution("bill-7", 99m, Jan5));

        Assert.False(first.AlreadyPosted);
        Assert.True(again.AlreadyPosted);
        Assert.True(again.DiffersFromRequest); // same key, different amount: reported, not posted
        Assert.False((await poster.PostAsync(Contribution("bill-7", 12m, Jan5))).DiffersFromRequest);
        Assert.Equal(first.Entry.Hash, again.Entry.Hash);
        Assert.Equal(1, await db.Set<JournalEntryRecord>().CountAsync());
        Assert.Equal(2, await db.Set<JournalPostingRecord>().CountAsync());
    }

    [Fact]
    public async Task Concurrent_posters_with_overlapping_keys_write_one_entry_per_key_and_keep_the_chain_intact()
    {
        var tenant = await database.NewTenantAsync();
        const int posters = 6;
        const int postsEach = 15;
        var results = await Task.WhenAll(Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
        {
            await using var db = database.App(tenant);
            var poster = Poster(db);
            var mine = new List<(string Key, long Sequence)>();
            for (var i = 0; i < postsEach; i++)
            {
                // Keys overlap across posters: every key is posted by about three of them.
                var key = $"bill-{(p * 7 + i * 3) % 30}";
                var posted = await poster.PostAsync(Contribution(key, 10m + (p * 7 + i * 3) % 30, Jan5));
                mine.Add((key, posted.Entry.Sequence));
            }
            return mine;
        })));

        await using var check = database.App(tenant);
        var entries = await check.Set<JournalEntryRecord>().OrderBy(e => e.Sequence).ToListAsync();
        var keys = results.SelectMany(r => r).Select(r => r.Key).Distinct().ToList();
        Assert.Equal(keys.Count, entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        // Every poster was told the same sequence for the same key.
        Assert.All(results.SelectMany(r => r).GroupBy(r => r.Key), g => Assert.Single(g.Select(x => x.Sequence).Distinct()));
        var verification = await database.VerifyAsync(tenant);
        Assert.True(verification.IsIntact, verification.FirstBreak?.Detail);
    }

    [Fact]
    public async Task Tenants_posting_at_once_do_not_share_a_chain()
    {
        var a = await database.NewTenantAsync();
        var b = await database.NewTenantAsync();
        await Task.WhenAll(new[] { a, b }.Select(t => Task.Run(async () =>
        {
            await using var db = database.App(t);
            for (var i = 0; i < 5; i++)
                await Poster(db).PostAsync(Contribution($"{t}-{i}", 12m, Jan5));
        })));
        await using var dbA = database.App(a);
        Assert.Equal(5, await dbA.Set<JournalEntryRecord>().CountAsync());
        Assert.Equal(5, await dbA.Set<JournalEntryRecord>().IgnoreQueryFilters().CountAsync()); // RLS: only a's rows
        Assert.True((await database.VerifyAsync(a)).IsIntact);
    }

    [Fact]
    public async Task A_closed_period_refuses_postings_and_late_items_go_to_the_next_open_period()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        await poster.ClosePeriodAsync(new LedgerPeriod(2027, 1));

        var refused = await Assert.ThrowsAsync<LedgerRuleException>(() =>
            poster.PostAsync(Contribution("c1", 12m, Jan5, new LedgerPeriod(2027, 1))));
        Assert.Equal(LedgerRules.ClosedPeriod, refused.Rule);

        var late = (await poster.PostAsync(Contribution("c2", 12m, Jan5))).Entry;
        Assert.Equal((new LedgerPeriod(2027, 2), new LedgerPeriod(2027, 1)), (late.Period, late.OriginalPeriod));
        Assert.Equal(1, await db.Set<JournalEntryRecord>().CountAsync());
    }

    [Fact]
    public async Task A_reversal_is_posted_once_and_a_second_is_refused()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        var claim = (await poster.PostAsync(Claim("k1", 800m, Jan5))).Entry;
        var reversal = (await poster.ReverseAsync(claim.Sequence, Jan5, "k1:rev")).Entry;
        Assert.Equal(claim.Sequence, reversal.Reverses);

        var again = await Assert.ThrowsAsync<LedgerRuleException>(() => poster.ReverseAsync(claim.Sequence, Jan5, "k1:rev2"));
        Assert.Equal(LedgerRules.AlreadyReversed, again.Rule);
        Assert.True((await poster.ReverseAsync(claim.Sequence, Jan5, "k1:rev")).AlreadyPosted);
    }

    [Fact]
    public async Task An_unknown_account_is_refused_before_anything_is_written()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var draft = new EntryDraft(Jan5, "未知", new SourceDocument(SourceDocumentType.Fee, "F1"), "f1",
            [Posting.Debit("9999", 1m), Posting.Credit(StandardChart.FundSpecialAccount, 1m)]);
        var ex = await Assert.ThrowsAsync<LedgerRuleException>(() => Poster(db).PostAsync(draft));
        Assert.Equal(LedgerRules.UnknownAccount, ex.Rule);
        Assert.Equal(0, await db.Set<JournalEntryRecord>().CountAsync());
    }

    [Fact]
    public async Task Year_end_closing_carries_the_surplus_forward_and_reports_agree()
    {
        // JN 四: the year's surplus rolls over; reports read the same books.
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        await poster.PostAsync(Contribution("c1", 3000m, Jan5));
        await poster.PostAsync(Claim("k1", 1200m, new DateOnly(2027, 3, 31)));
        var closing = await poster.CloseYearAsync(2027);
        Assert.NotNull(closing);
        Assert.Equal(closing.Hash, (await poster.CloseYearAsync(2027))!.Hash);

        await using var reports = database.UseCases(tenant);
        var tb = await reports.Send(new GetTrialBalanceQuery());
        Assert.True(tb.IsBalanced);
        Assert.Equal(-1800m, tb.Rows.Single(r => r.Code == StandardChart.AccumulatedSurplus).Balance);
        Assert.Equal(0m, tb.Rows.Single(r => r.Type == AccountType.Income && r.Debits > 0).Balance);
        var year = (await reports.Send(new GetIncomeAndExpenditureQuery(2027))).Total;
        Assert.Equal((3000m, 1200m), (year.Income, year.Expense));
        var statement = await reports.Send(new GetAccountStatementQuery(StandardChart.FundSpecialAccount));
        Assert.Equal(3000m, statement!.ClosingBalance);
        // The year's funding leaves the closing entry out (the test tenant has no policy, so the rule is given here).
        var accounts = (await db.Set<LedgerAccountRecord>().AsNoTracking().ToListAsync()).Select(a => a.ToDomain());
        var entries = (await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings).OrderBy(e => e.Sequence).ToListAsync())
            .Select(e => e.ToDomain());
        var fees = AgencyFeeCeiling.Measure(AgencyFeeCeilingRule.Jining, 2027, accounts, LedgerLine.From(entries));
        Assert.Equal((3000m, 60m), (fees.YearFunding, fees.Ceiling));
        var closed = await Assert.ThrowsAsync<LedgerRuleException>(() =>
            poster.PostAsync(Contribution("c9", 1m, new DateOnly(2027, 12, 1), new LedgerPeriod(2027, 12))));
        Assert.Equal(LedgerRules.ClosedPeriod, closed.Rule);
    }

    [Fact]
    public async Task Posting_inside_the_callers_transaction_commits_or_rolls_back_with_it()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await poster.PostAsync(Contribution("c1", 12m, Jan5));
            await transaction.RollbackAsync();
        }
        Assert.Equal(0, await db.Set<JournalEntryRecord>().CountAsync());

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var posted = await poster.PostAsync(Contribution("c1", 12m, Jan5));
            Assert.Equal(1, posted.Entry.Sequence);
            await transaction.CommitAsync();
        }
        Assert.True((await database.VerifyAsync(tenant)).IsIntact);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Seeding_the_chart_twice_adds_nothing_the_second_time_and_splits_jining_by_county()
    {
        var tenant = await database.NewTenantAsync();
        await using var owner = database.Owner();
        Assert.Equal(0, await LedgerChartSeeder.SeedAsync(owner, tenant));
        var added = await LedgerChartSeeder.SeedAsync(owner, tenant, StandardChart.DefaultRegions("jining"));
        Assert.Equal(StandardChart.For(tenant).Count * 6, added);
        await using var admin = database.UseCases(tenant);
        var accounts = await admin.Send(new ListChartAccountsQuery());
        Assert.Contains(accounts, a => a is { Code: "3101@370881", RegionCode: "370881", Type: AccountType.Equity });
    }
}
