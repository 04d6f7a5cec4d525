using LtcInsurance.Domain.Ledger;
using static LtcInsurance.Domain.Tests.Ledger.LedgerFixtures;

namespace LtcInsurance.Domain.Tests.Ledger;

public class ChainVerifierSpecs
{
    private static TenantBooks ThreeEntries()
    {
        var books = NewBooks();
        books.Post(Contribution("c1", 12m, D(2027, 1, 5)), Noon);
        books.Post(Claim("k1", 35m, D(2027, 1, 31)), Noon);
        books.Post(Contribution("c2", 12m, D(2027, 2, 5)), Noon);
        return books;
    }

    [Fact]
    public void An_untampered_chain_verifies_and_its_trial_balance_is_zero()
    {
        var books = ThreeEntries();
        var result = ChainVerifier.Verify(Tenant, books.Entries);
        Assert.True(result.IsIntact);
        Assert.Equal(3, result.EntriesChecked);
        Assert.Equal(result.TotalDebits, result.TotalCredits);
        Assert.Equal(books.HeadHash, result.HeadHash);
    }

    [Fact]
    public void An_altered_amount_is_reported_at_its_entry()
    {
        var entries = ThreeEntries().Entries.ToList();
        entries[1] = Tamper.With(entries[1], postings:
            [Posting.FromStore(HomeCare, Side.Debit, 3500m), Posting.FromStore(Institutions, Side.Credit, 3500m)]);
        var result = ChainVerifier.Verify(Tenant, entries);
        Assert.Equal(new ChainBreak(2, ChainProblem.HashMismatch, result.FirstBreak!.Detail), result.FirstBreak);
    }

    [Fact]
    public void A_removed_entry_is_reported_where_the_gap_opens()
    {
        var entries = ThreeEntries().Entries.ToList();
        entries.RemoveAt(1);
        var result = ChainVerifier.Verify(Tenant, entries);
        Assert.Equal((2L, ChainProblem.SequenceGap), (result.FirstBreak!.Sequence, result.FirstBreak.Problem));
    }

    [Fact]
    public void A_rehashed_entry_still_breaks_the_link_of_its_successor()
    {
        // Someone who alters entry 2 and recomputes its hash cannot also fix entry 3 without rewriting it.
        var books = ThreeEntries();
        var entries = books.Entries.ToList();
        var altered = Tamper.With(entries[1], description: "改过的摘要");
        entries[1] = Tamper.With(altered, hash: EntryHash.Compute(altered));
        var result = ChainVerifier.Verify(Tenant, entries);
        Assert.Equal((3L, ChainProblem.BrokenLink), (result.FirstBreak!.Sequence, result.FirstBreak.Problem));
    }

    [Fact]
    public void Entries_cut_off_the_end_are_caught_by_the_recorded_head()
    {
        var books = ThreeEntries();
        var verifier = new ChainVerifier(Tenant);
        foreach (var e in books.Entries.Take(2))
            verifier.Accept(e);
        verifier.CheckHead(3, books.HeadHash);
        Assert.Equal((3L, ChainProblem.HeadMismatch), (verifier.FirstBreak!.Sequence, verifier.FirstBreak.Problem));
    }

    [Fact]
    public void A_second_reversal_of_one_entry_is_reported()
    {
        var books = NewBooks();
        var claim = books.Post(Claim("k1", 35m, D(2027, 1, 31)), Noon);
        var reversal = books.Reverse(claim.Sequence, D(2027, 2, 1), "r1", Noon);
        var duplicate = JournalEntry.Create(Tenant, 3,
            new EntryDraft(D(2027, 2, 2), "再冲销", new SourceDocument(SourceDocumentType.Claim, "x"), "r2",
                [.. claim.Postings.Select(p => p.Swapped())], reverses: claim.Sequence),
            new PeriodPlacement(new LedgerPeriod(2027, 2), null), reversal.Hash, Noon);
        var result = ChainVerifier.Verify(Tenant, [.. books.Entries, duplicate]);
        Assert.Equal((3L, ChainProblem.InvalidReversal), (result.FirstBreak!.Sequence, result.FirstBreak.Problem));
    }
}

/// <summary>Rebuilds a stored entry with one field changed, as an attacker editing a row would.</summary>
internal static class Tamper
{
    public static JournalEntry With(JournalEntry e, string? tenantId = null, long? sequence = null,
        DateOnly? businessDate = null, LedgerPeriod? period = null, bool changeOriginalPeriod = false,
        string? description = null, SourceDocumentType? sourceType = null, string? sourceReference = null,
        string? idempotencyKey = null, bool changeReverses = false, IReadOnlyList<Posting>? postings = null,
        DateTimeOffset? recordedAt = null, string? previousHash = null, string? hash = null) =>
        JournalEntry.FromStore(tenantId ?? e.TenantId, sequence ?? e.Sequence, businessDate ?? e.BusinessDate,
            period ?? e.Period,
            changeOriginalPeriod ? (e.OriginalPeriod is null ? e.Period : null) : e.OriginalPeriod,
            description ?? e.Description, sourceType ?? e.SourceType, sourceReference ?? e.SourceReference,
            idempotencyKey ?? e.IdempotencyKey,
            changeReverses ? (e.Reverses is null ? e.Sequence - 1 : null) : e.Reverses,
            postings ?? e.Postings, recordedAt ?? e.RecordedAt, previousHash ?? e.PreviousHash, hash ?? e.Hash);
}
