namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// A correction is a new entry that mirrors the original (every posting on the other side) and links to it.
/// An entry is reversed at most once, and a reversal is not itself reversed: to restore, post a new entry.
/// </summary>
public static class Reversal
{
    public static EntryDraft Of(JournalEntry original, bool alreadyReversed, DateOnly businessDate,
        string idempotencyKey, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (alreadyReversed)
            throw new LedgerRuleException(LedgerRules.AlreadyReversed,
                $"凭证 {original.Sequence} 已被冲销 / entry {original.Sequence} is already reversed");
        if (original.Reverses is not null)
            throw new LedgerRuleException(LedgerRules.ReversalOfReversal,
                $"凭证 {original.Sequence} 本身是冲销凭证，不能再冲销 / entry {original.Sequence} is a reversal and cannot be reversed");
        if (businessDate < original.BusinessDate)
            businessDate = original.BusinessDate;
        return new EntryDraft(businessDate,
            description ?? $"冲销凭证 {original.Sequence}：{original.Description}",
            new SourceDocument(original.SourceType, original.SourceReference),
            idempotencyKey,
            [.. original.Postings.Select(p => p.Swapped())],
            reverses: original.Sequence);
    }

    /// <summary>A draft claiming to reverse <paramref name="original"/> must mirror it line for line.</summary>
    public static void CheckMirrors(JournalEntry original, EntryDraft draft)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(draft);
        static string Key(Posting p) => $"{p.AccountCode}|{p.Side}|{p.Amount:0.00}";
        var expected = original.Postings.Select(p => Key(p.Swapped())).Order(StringComparer.Ordinal);
        var actual = draft.Postings.Select(Key).Order(StringComparer.Ordinal);
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
            throw new LedgerRuleException(LedgerRules.Unbalanced,
                $"冲销凭证须与原凭证 {original.Sequence} 借贷相反、金额相同 / a reversal must mirror entry {original.Sequence}");
    }
}
