using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// A posted journal entry: immutable, numbered per tenant, chained to its predecessor by
/// <see cref="PreviousHash"/> and sealed by <see cref="Hash"/>. Corrections are new (reversing) entries.
/// </summary>
public sealed class JournalEntry : ITenantOwned
{
    private JournalEntry(string tenantId, long sequence, DateOnly businessDate, LedgerPeriod period,
        LedgerPeriod? originalPeriod, string description, SourceDocumentType sourceType, string sourceReference,
        string idempotencyKey, long? reverses, IReadOnlyList<Posting> postings, DateTimeOffset recordedAt,
        string previousHash, string hash)
    {
        TenantId = tenantId;
        Sequence = sequence;
        BusinessDate = businessDate;
        Period = period;
        OriginalPeriod = originalPeriod;
        Description = description;
        SourceType = sourceType;
        SourceReference = sourceReference;
        IdempotencyKey = idempotencyKey;
        Reverses = reverses;
        Postings = postings;
        RecordedAt = recordedAt;
        PreviousHash = previousHash;
        Hash = hash;
    }

    public string TenantId { get; }

    /// <summary>1, 2, 3 ... per tenant, without gaps.</summary>
    public long Sequence { get; }

    public DateOnly BusinessDate { get; }

    /// <summary>The (open) period the entry is booked in.</summary>
    public LedgerPeriod Period { get; }

    /// <summary>For a late item: the closed period its business date belongs to.</summary>
    public LedgerPeriod? OriginalPeriod { get; }

    public string Description { get; }
    public SourceDocumentType SourceType { get; }
    public string SourceReference { get; }

    /// <summary>The business event that caused the entry; at most one entry per key and tenant.</summary>
    public string IdempotencyKey { get; }

    /// <summary>Sequence of the entry this one reverses.</summary>
    public long? Reverses { get; }

    public IReadOnlyList<Posting> Postings { get; }

    /// <summary>When the ledger recorded the entry (UTC, microsecond precision, as the database keeps it).</summary>
    public DateTimeOffset RecordedAt { get; }

    public string PreviousHash { get; }
    public string Hash { get; }

    public decimal TotalDebits => Postings.Where(p => p.Side == Side.Debit).Sum(p => p.Amount);
    public decimal TotalCredits => Postings.Where(p => p.Side == Side.Credit).Sum(p => p.Amount);

    /// <summary>
    /// Seals a draft as entry <paramref name="sequence"/> of the tenant's chain. The caller has placed it in
    /// an open period (<see cref="PeriodCalendar"/>) and passes the hash of the previous entry
    /// (<see cref="EntryHash.Genesis"/> for the first).
    /// </summary>
    public static JournalEntry Create(string tenantId, long sequence, EntryDraft draft, PeriodPlacement placement,
        string previousHash, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(tenantId))
            throw new LedgerRuleException(LedgerRules.MissingField, "凭证缺少租户 / entry without tenant");
        if (sequence < 1)
            throw new ArgumentOutOfRangeException(nameof(sequence), "凭证号从 1 开始 / sequence starts at 1");
        if (!EntryHash.IsWellFormed(previousHash))
            throw new ArgumentException("前一哈希格式无效 / malformed previous hash", nameof(previousHash));
        if (draft.Reverses is { } r && r >= sequence)
            throw new LedgerRuleException(LedgerRules.UnknownEntry, "只能冲销更早的凭证 / can only reverse an earlier entry");
        var recorded = EntryHash.Truncate(recordedAt);
        var unsealed = new JournalEntry(tenantId, sequence, draft.BusinessDate, placement.Period,
            placement.OriginalPeriod, draft.Description, draft.Source.Type, draft.Source.Reference,
            draft.IdempotencyKey, draft.Reverses, draft.Postings, recorded, previousHash, hash: "");
        return unsealed.WithHash(EntryHash.Compute(unsealed));
    }

    /// <summary>
    /// An entry as read back from the books, not checked: tampered rows must still be readable so that
    /// <see cref="ChainVerifier"/> can name the first one that does not match.
    /// </summary>
    public static JournalEntry FromStore(string tenantId, long sequence, DateOnly businessDate, LedgerPeriod period,
        LedgerPeriod? originalPeriod, string description, SourceDocumentType sourceType, string sourceReference,
        string idempotencyKey, long? reverses, IReadOnlyList<Posting> postings, DateTimeOffset recordedAt,
        string previousHash, string hash) =>
        new(tenantId, sequence, businessDate, period, originalPeriod, description, sourceType, sourceReference,
            idempotencyKey, reverses, [.. postings], recordedAt, previousHash, hash);

    private JournalEntry WithHash(string hash) =>
        new(TenantId, Sequence, BusinessDate, Period, OriginalPeriod, Description, SourceType, SourceReference,
            IdempotencyKey, Reverses, Postings, RecordedAt, PreviousHash, hash);
}
