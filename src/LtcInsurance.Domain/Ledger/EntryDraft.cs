namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// The content of a journal entry before the ledger gives it a sequence number and a place in the hash chain.
/// Construction enforces the double-entry invariants: at least two postings, every amount &gt; 0 with at most
/// two decimals, debits equal credits.
/// </summary>
public sealed record EntryDraft
{
    public const int MaxKeyLength = 200;

    public EntryDraft(DateOnly businessDate, string description, SourceDocument source, string idempotencyKey,
        IReadOnlyList<Posting> postings, LedgerPeriod? period = null, long? reverses = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(postings);
        if (string.IsNullOrWhiteSpace(description) || description.Length > 500)
            throw new LedgerRuleException(LedgerRules.MissingField, "摘要为空或过长 / description missing or too long");
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxKeyLength)
            throw new LedgerRuleException(LedgerRules.MissingField, "幂等键为空或过长 / idempotency key missing or too long");
        CheckPostings(postings);
        if (period is { } p && p < LedgerPeriod.Of(businessDate))
            throw new LedgerRuleException(LedgerRules.ClosedPeriod,
                $"不能记入业务日期之前的期间 / cannot post into {p}, before the business date {businessDate:yyyy-MM-dd}");
        BusinessDate = businessDate;
        Description = description;
        Source = source;
        IdempotencyKey = idempotencyKey;
        Postings = [.. postings];
        Period = period;
        Reverses = reverses;
    }

    public DateOnly BusinessDate { get; }
    public string Description { get; }
    public SourceDocument Source { get; }
    public string IdempotencyKey { get; }
    public IReadOnlyList<Posting> Postings { get; }

    /// <summary>The period asked for; null means the period of the business date (or the next open one).</summary>
    public LedgerPeriod? Period { get; }

    /// <summary>Sequence number of the entry this one reverses, if it is a reversal.</summary>
    public long? Reverses { get; }

    public decimal TotalDebits => Postings.Where(p => p.Side == Side.Debit).Sum(p => p.Amount);

    /// <summary>
    /// Whether <paramref name="entry"/> records what this draft asks for (same date, description, document,
    /// reversal link and postings). A retry finds the entry it posted before; a different request under a used
    /// key is a caller's bug that the ledger reports rather than silently posting or hiding.
    /// </summary>
    public bool IsRecordedBy(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        static string Line(Posting p) => $"{p.AccountCode}|{p.Side}|{p.Amount:0.00}";
        return entry.IdempotencyKey == IdempotencyKey && entry.BusinessDate == BusinessDate
            && entry.Description == Description && entry.SourceType == Source.Type
            && entry.SourceReference == Source.Reference && entry.Reverses == Reverses
            && (Period is null || entry.Period == Period)
            && entry.Postings.Select(Line).Order(StringComparer.Ordinal)
                .SequenceEqual(Postings.Select(Line).Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The double-entry invariants, shared by drafts and by the chain verifier.</summary>
    public static void CheckPostings(IReadOnlyCollection<Posting> postings)
    {
        if (postings.Count < 2)
            throw new LedgerRuleException(LedgerRules.TooFewPostings, "一笔凭证至少两条分录 / an entry needs at least two postings");
        foreach (var posting in postings)
            if (!Posting.IsValidAmount(posting.Amount))
                throw new LedgerRuleException(LedgerRules.InvalidAmount,
                    $"金额须大于零且最多两位小数 / amount must be > 0 with at most 2 decimals: {posting.Amount}");
        var debits = postings.Where(p => p.Side == Side.Debit).Sum(p => p.Amount);
        var credits = postings.Where(p => p.Side == Side.Credit).Sum(p => p.Amount);
        if (debits != credits)
            throw new LedgerRuleException(LedgerRules.Unbalanced,
                $"借贷不平衡 / debits {debits:0.00} ≠ credits {credits:0.00}");
    }
}
