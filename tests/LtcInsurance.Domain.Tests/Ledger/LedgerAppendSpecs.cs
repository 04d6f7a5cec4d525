using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

/// <summary>The one append decision the in-memory books and the posting service share.</summary>
public class LedgerAppendSpecs
{
    private static readonly IReadOnlySet<string> Chart = StandardChart.For(Tenant).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);

    private static AppendState Empty(PeriodCalendar? calendar = null, JournalEntry? existing = null, ReversalTarget? reversal = null) =>
        new(Tenant, ChainHead.Empty, existing, calendar ?? new PeriodCalendar([]), Chart, reversal);

    [Fact]
    public void A_new_draft_is_appended_after_the_head_with_its_hash_chained()
    {
        var books = NewBooks();
        var first = books.Post(Contribution("c1", 12m, D(2027, 1, 5)), Noon);

        var decision = LedgerAppend.Decide(Contribution("c2", 30m, D(2027, 1, 6)),
            Empty() with { Head = books.Head }, Noon);

        var append = Assert.IsType<AppendDecision.Append>(decision);
        Assert.Equal((2L, first.Hash), (append.Entry.Sequence, append.Entry.PreviousHash));
        Assert.Equal(EntryHash.Compute(append.Entry), append.Entry.Hash);
        Assert.Equal(new LedgerPeriod(2027, 1), append.Entry.Period);
    }

    [Fact]
    public void A_used_key_is_already_posted_for_the_same_request_and_differs_for_another()
    {
        var books = NewBooks();
        var first = books.Post(Contribution("bill-7", 12m, D(2027, 1, 5)), Noon);

        var retry = LedgerAppend.Decide(Contribution("bill-7", 12m, D(2027, 1, 5)), Empty(existing: first), Noon);
        var other = LedgerAppend.Decide(Contribution("bill-7", 99m, D(2027, 1, 5)), Empty(existing: first), Noon);

        Assert.Same(first, Assert.IsType<AppendDecision.AlreadyPosted>(retry).Entry);
        Assert.Same(first, Assert.IsType<AppendDecision.DiffersFromRequest>(other).Entry);
    }

    [Fact]
    public void The_key_is_decided_before_any_rule_so_a_retry_into_a_since_closed_period_still_finds_its_entry()
    {
        var books = NewBooks();
        var first = books.Post(Contribution("c1", 12m, D(2027, 1, 5), new LedgerPeriod(2027, 1)), Noon);
        var closed = new PeriodCalendar([new LedgerPeriod(2027, 1)]);

        var retry = LedgerAppend.Decide(Contribution("c1", 12m, D(2027, 1, 5), new LedgerPeriod(2027, 1)),
            Empty(closed, existing: first), Noon);

        Assert.IsType<AppendDecision.AlreadyPosted>(retry);
    }

    [Fact]
    public void Unknown_accounts_closed_periods_and_unknown_reversal_targets_are_rejected()
    {
        var unknown = new EntryDraft(D(2027, 1, 5), "未知", new SourceDocument(SourceDocumentType.Fee, "F1"), "f1",
            [Posting.Debit("9999", 1m), Posting.Credit(Bank, 1m)]);
        var closed = new PeriodCalendar([new LedgerPeriod(2027, 1)]);
        var reversal = new EntryDraft(D(2027, 1, 5), "冲销", new SourceDocument(SourceDocumentType.Claim, "CLM-1"), "r1",
            [Posting.Credit(HomeCare, 5m), Posting.Debit(Institutions, 5m)], reverses: 3);

        Assert.Equal(LedgerRules.UnknownAccount, Assert.IsType<AppendDecision.Rejected>(LedgerAppend.Decide(unknown, Empty(), Noon)).Rule);
        Assert.Equal(LedgerRules.ClosedPeriod, Assert.IsType<AppendDecision.Rejected>(LedgerAppend.Decide(
            Contribution("c1", 1m, D(2027, 1, 5), new LedgerPeriod(2027, 1)), Empty(closed), Noon)).Rule);
        Assert.Equal(LedgerRules.UnknownEntry, Assert.IsType<AppendDecision.Rejected>(LedgerAppend.Decide(reversal, Empty(), Noon)).Rule);
    }

    [Fact]
    public void A_late_item_goes_to_the_next_open_period_and_keeps_its_own()
    {
        var closed = new PeriodCalendar([new LedgerPeriod(2027, 1), new LedgerPeriod(2027, 2)]);

        var append = Assert.IsType<AppendDecision.Append>(LedgerAppend.Decide(Contribution("c1", 1m, D(2027, 1, 5)), Empty(closed), Noon));

        Assert.Equal((new LedgerPeriod(2027, 3), (LedgerPeriod?)new LedgerPeriod(2027, 1)), (append.Entry.Period, append.Entry.OriginalPeriod));
    }

    [Fact]
    public void A_reversal_must_mirror_an_entry_not_yet_reversed()
    {
        var books = NewBooks();
        var claim = books.Post(Claim("k1", 800m, D(2027, 1, 5)), Noon);
        var mirror = Reversal.Of(claim, alreadyReversed: false, D(2027, 1, 6), "k1:rev");
        var state = Empty(reversal: new ReversalTarget(claim, AlreadyReversed: false)) with { Head = books.Head };

        Assert.IsType<AppendDecision.Append>(LedgerAppend.Decide(mirror, state, Noon));
        var twice = LedgerAppend.Decide(mirror, state with { Reversal = new ReversalTarget(claim, AlreadyReversed: true) }, Noon);
        Assert.Equal(LedgerRules.AlreadyReversed, Assert.IsType<AppendDecision.Rejected>(twice).Rule);
    }

    [Fact]
    public void The_books_apply_only_an_append_and_throw_a_rejection()
    {
        var books = NewBooks();
        books.Post(Contribution("c1", 12m, D(2027, 1, 5)), Noon);

        Assert.IsType<AppendDecision.DiffersFromRequest>(books.Append(Contribution("c1", 13m, D(2027, 1, 5)), Noon));
        books.ClosePeriod(new LedgerPeriod(2027, 2));
        var refused = Assert.Throws<LedgerRuleException>(() =>
            books.Post(Contribution("c2", 1m, D(2027, 2, 5), new LedgerPeriod(2027, 2)), Noon));

        Assert.Equal(LedgerRules.ClosedPeriod, refused.Rule);
        Assert.Single(books.Entries);
    }
}
