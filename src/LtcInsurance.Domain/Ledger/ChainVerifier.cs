namespace LtcInsurance.Domain.Ledger;

/// <summary>What was wrong with the first entry that failed verification.</summary>
public enum ChainProblem
{
    /// <summary>Entry of another tenant in this tenant's chain.</summary>
    WrongTenant,
    /// <summary>Sequence numbers must run 1, 2, 3 ... without gaps.</summary>
    SequenceGap,
    /// <summary>The entry does not point at the hash of its predecessor.</summary>
    BrokenLink,
    /// <summary>Fewer than two postings, an invalid amount, or debits ≠ credits.</summary>
    Unbalanced,
    /// <summary>The content no longer hashes to the stored hash: something was altered.</summary>
    HashMismatch,
    /// <summary>A reversal that points at a later or unknown entry, or a second reversal of one entry.</summary>
    InvalidReversal,
    /// <summary>The chain ends before (or after) the recorded head: entries were removed or added.</summary>
    HeadMismatch,
}

/// <summary>The first entry that failed: <paramref name="Sequence"/> is its position in the chain.</summary>
public sealed record ChainBreak(long Sequence, ChainProblem Problem, string Detail);

/// <summary>Outcome of verifying a tenant's books.</summary>
public sealed record VerificationResult(string TenantId, long EntriesChecked, decimal TotalDebits,
    decimal TotalCredits, string HeadHash, ChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>
/// Recomputes a tenant's chain entry by entry (streaming, so a large ledger needs no more memory than its
/// reversal links) and stops at the first entry that does not match: its hash, its link to the previous
/// entry, its sequence, its balance. The trial balance of an intact chain is zero by construction.
/// </summary>
public sealed class ChainVerifier
{
    private readonly string tenantId;
    private readonly HashSet<long> reversed = [];
    private long expectedSequence = 1;
    private string head = EntryHash.Genesis;
    private decimal debits;
    private decimal credits;

    public ChainVerifier(string tenantId) => this.tenantId = tenantId;

    public ChainBreak? FirstBreak { get; private set; }
    public long EntriesChecked { get; private set; }

    /// <summary>Checks the next entry in sequence order. Returns false once the chain is broken.</summary>
    public bool Accept(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (FirstBreak is not null)
            return false;
        FirstBreak = Check(entry);
        if (FirstBreak is not null)
            return false;
        EntriesChecked++;
        expectedSequence++;
        head = entry.Hash;
        debits += entry.TotalDebits;
        credits += entry.TotalCredits;
        if (entry.Reverses is { } r)
            reversed.Add(r);
        return true;
    }

    /// <summary>
    /// After the last entry: compares the end of the chain with the separately recorded head, which catches
    /// entries cut off the end (the one alteration a chain alone cannot show).
    /// </summary>
    public void CheckHead(long lastSequence, string lastHash)
    {
        if (FirstBreak is null && (EntriesChecked != lastSequence || head != lastHash))
            FirstBreak = new(Math.Min(EntriesChecked, lastSequence) + 1, ChainProblem.HeadMismatch,
                $"账簿记录的链头为凭证 {lastSequence}，链实际止于 {EntriesChecked} / recorded head is entry {lastSequence}, chain ends at {EntriesChecked}");
    }

    /// <summary>
    /// Entries stored after the head that was verified must be covered by the head as it stands now (a posting writes its
    /// entry and moves the head in one transaction). An entry beyond the current head was added around the service.
    /// </summary>
    public void CheckNothingBeyondHead(long lastStoredSequence, long headSequenceNow)
    {
        if (FirstBreak is null && lastStoredSequence > headSequenceNow)
            FirstBreak = new(headSequenceNow + 1, ChainProblem.HeadMismatch,
                $"凭证 {headSequenceNow + 1}–{lastStoredSequence} 在账簿记录的链头 {headSequenceNow} 之后 / entries {headSequenceNow + 1}–{lastStoredSequence} lie beyond the recorded head {headSequenceNow}");
    }

    public VerificationResult Result() => new(tenantId, EntriesChecked, debits, credits, head, FirstBreak);

    public static VerificationResult Verify(string tenantId, IEnumerable<JournalEntry> entriesInSequence)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequence);
        var verifier = new ChainVerifier(tenantId);
        foreach (var entry in entriesInSequence)
            if (!verifier.Accept(entry))
                break;
        return verifier.Result();
    }

    // Breaks are reported at the chain position (the sequence expected there), which names the row even
    // when the stored sequence number itself is what was altered.
    private ChainBreak? Check(JournalEntry e)
    {
        var at = expectedSequence;
        if (e.TenantId != tenantId)
            return new(at, ChainProblem.WrongTenant, $"租户 {e.TenantId} ≠ {tenantId}");
        if (e.Sequence != expectedSequence)
            return new(at, ChainProblem.SequenceGap, $"此位置应为凭证号 {at}，实为 {e.Sequence} / expected sequence {at}, found {e.Sequence}");
        if (e.PreviousHash != head)
            return new(at, ChainProblem.BrokenLink, $"前一哈希应为 {head} / previous hash should be {head}");
        try
        {
            EntryDraft.CheckPostings(e.Postings);
        }
        catch (LedgerRuleException ex)
        {
            return new(at, ChainProblem.Unbalanced, ex.Message);
        }
        var recomputed = EntryHash.Compute(e);
        if (recomputed != e.Hash)
            return new(at, ChainProblem.HashMismatch, $"重算哈希 {recomputed} ≠ 存储哈希 {e.Hash} / recomputed hash differs from stored");
        if (e.Reverses is { } r && (r < 1 || r >= e.Sequence || reversed.Contains(r)))
            return new(at, ChainProblem.InvalidReversal, $"冲销目标 {r} 无效或已被冲销 / reversal target {r} invalid or already reversed");
        return null;
    }
}
