using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

public class JournalEntrySpecs
{
    private static SourceDocument Bill => new(SourceDocumentType.Bill, "BILL-1");

    [Fact]
    public void An_entry_needs_at_least_two_postings()
    {
        var ex = Assert.Throws<LedgerRuleException>(() =>
            new EntryDraft(D(2027, 1, 5), "单边", Bill, "k1", [Posting.Debit(Bank, 10m)]));
        Assert.Equal(LedgerRules.TooFewPostings, ex.Rule);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5.00")]
    [InlineData("10.001")]
    public void Amounts_must_be_positive_with_at_most_two_decimals(string amount)
    {
        var ex = Assert.Throws<LedgerRuleException>(() =>
            Posting.Debit(Bank, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(LedgerRules.InvalidAmount, ex.Rule);
    }

    [Fact]
    public void Debits_must_equal_credits()
    {
        var ex = Assert.Throws<LedgerRuleException>(() => new EntryDraft(D(2027, 1, 5), "不平", Bill, "k1",
            [Posting.Debit(Bank, 30m), Posting.Credit(IndividualIncome, 25m), Posting.Credit(FiscalIncome, 4.99m)]));
        Assert.Equal(LedgerRules.Unbalanced, ex.Rule);
    }

    [Fact]
    public void A_split_entry_balances_across_several_credit_lines()
    {
        // JN 二: 30 yuan per person per year, 25 from the resident medical pooled fund and 5 from county fiscal.
        var draft = new EntryDraft(D(2027, 1, 5), "居民长护险筹资", Bill, "k1",
        [
            Posting.Debit(Bank, 30m),
            Posting.Credit(StandardChart.ContributionIncome(Domain.Vocabulary.Payer.MedicalFund), 25m),
            Posting.Credit(FiscalIncome, 5m),
        ]);
        Assert.Equal(30m, draft.TotalDebits);
    }

    [Fact]
    public void The_first_entry_chains_from_the_genesis_hash_and_the_next_from_it()
    {
        var books = NewBooks();
        var first = books.Post(Contribution("c1", 12m, D(2027, 1, 5)), Noon);
        var second = books.Post(Contribution("c2", 12m, D(2027, 1, 6)), Noon);
        Assert.Equal(EntryHash.Genesis, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal([1L, 2L], books.Entries.Select(e => e.Sequence));
        Assert.True(EntryHash.IsWellFormed(first.Hash));
    }

    [Fact]
    public void The_hash_of_a_fixed_entry_never_changes()
    {
        // Pins the canonical serialization: an auditor's independent tool must get the same digest.
        var entry = JournalEntry.Create(Tenant, 1, Contribution("c1", 12m, D(2027, 1, 5)),
            new PeriodPlacement(new LedgerPeriod(2027, 1), null), EntryHash.Genesis, Noon);
        Assert.Equal(EntryHashPin.Value, entry.Hash);
    }

    [Fact]
    public void The_recorded_time_is_kept_to_the_microsecond_so_the_hash_survives_the_database()
    {
        var entry = JournalEntry.Create(Tenant, 1, Contribution("c1", 12m, D(2027, 1, 5)),
            new PeriodPlacement(new LedgerPeriod(2027, 1), null), EntryHash.Genesis, Noon.AddTicks(7));
        Assert.Equal(Noon, entry.RecordedAt);
    }

    [Fact]
    public void The_same_idempotency_key_returns_the_first_entry_and_writes_nothing()
    {
        var books = NewBooks();
        var first = books.Post(Contribution("bill-42", 12m, D(2027, 1, 5)), Noon);
        var again = books.Post(Contribution("bill-42", 99m, D(2027, 1, 9)), Noon.AddHours(1));
        Assert.Same(first, again);
        Assert.Single(books.Entries);
    }

    [Fact]
    public void A_retry_is_recognised_as_the_same_event_and_a_reused_key_is_not()
    {
        var books = NewBooks();
        var entry = books.Post(Contribution("bill-42", 12m, D(2027, 1, 5)), Noon);
        Assert.True(Contribution("bill-42", 12m, D(2027, 1, 5)).IsRecordedBy(entry));
        Assert.False(Contribution("bill-42", 12.01m, D(2027, 1, 5)).IsRecordedBy(entry));
    }

    [Fact]
    public void Posting_to_an_account_outside_the_chart_is_refused()
    {
        var books = NewBooks();
        var draft = new EntryDraft(D(2027, 1, 5), "未知账户", Bill, "k1", [Posting.Debit("9999", 1m), Posting.Credit(Bank, 1m)]);
        Assert.Equal(LedgerRules.UnknownAccount, Assert.Throws<LedgerRuleException>(() => books.Post(draft, Noon)).Rule);
    }
}

internal static class EntryHashPin
{
    /// <summary>Computed independently (Python hashlib over the documented canonical form, docs/ledger.md).</summary>
    public const string Value = "cd55006076cb042a0578f0930e4cd66c38c4fa3a56a4a566077ac7a7c508f933";
}
