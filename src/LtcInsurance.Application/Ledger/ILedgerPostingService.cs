using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger;

/// <summary>
/// The outcome of a posting: the entry, and whether it was already in the books under the same key.
/// <see cref="DiffersFromRequest"/> is true when the key was already used for a different request: nothing was
/// written, and the caller has reused a key for another business event (a bug worth logging).
/// </summary>
public sealed record PostingResult(JournalEntry Entry, bool AlreadyPosted, bool DiffersFromRequest = false);

/// <summary>
/// The outcome of one draft of a batch: <see cref="Result"/> when it was appended or found under its key, or the refusal
/// (<see cref="RefusedRule"/>, one of <c>LedgerRules</c>, and its message) when a ledger rule refused it and nothing was
/// written for it.
/// </summary>
public sealed record BatchPostingResult(EntryDraft Draft, PostingResult? Result, string? RefusedRule = null,
    string? RefusalMessage = null)
{
    public bool Refused => Result is null;
}

/// <summary>
/// The one way into the current tenant's books. Every method is safe to retry: the idempotency key
/// (the business event: a bill, a claim, a settlement run) decides whether anything is written.
/// </summary>
public interface ILedgerPostingService
{
    /// <summary>
    /// Appends an entry to the tenant's chain, or returns the entry already posted under the draft's key
    /// (writing nothing). Throws <see cref="LedgerRuleException"/> for a closed period, an unknown account,
    /// or an invalid reversal.
    /// </summary>
    Task<PostingResult> PostAsync(EntryDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="drafts"/> in order under one lock and one commit, with the same outcome as posting them
    /// one by one (same sequences and hashes, a key used earlier in the batch counts as already posted), except that a
    /// draft a rule refuses is reported in its result instead of thrown, and the others are still appended. One result
    /// per draft, in the drafts' order.
    /// </summary>
    Task<IReadOnlyList<BatchPostingResult>> PostBatchAsync(IReadOnlyList<EntryDraft> drafts,
        CancellationToken cancellationToken = default);

    /// <summary>Reverses entry <paramref name="sequence"/> by its mirror image; at most once per entry.</summary>
    Task<PostingResult> ReverseAsync(long sequence, DateOnly businessDate, string idempotencyKey,
        string? description = null, CancellationToken cancellationToken = default);

    /// <summary>Closes a month: no more postings into it; late items go to the next open month.</summary>
    Task ClosePeriodAsync(LedgerPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Year-end: closes income and expense into 累计结余 (JN 四), then closes the year's months.</summary>
    Task<JournalEntry?> CloseYearAsync(int year, CancellationToken cancellationToken = default);
}
