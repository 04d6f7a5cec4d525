namespace LtcInsurance.Domain.Ledger.Records;

/// <summary>
/// Converts ledger records to domain objects and back; enum values are stored as lower-case words. Shared by the
/// posting service (Infrastructure) and the ledger's queries (Application).
/// </summary>
public static class LedgerRecordMapping
{
    public static string ToText(this AccountType type) => type.ToString().ToLowerInvariant();
    public static string ToText(this SourceDocumentType type) => type.ToString().ToLowerInvariant();
    public static string ToText(this Side side) => side == Side.Debit ? "D" : "C";

    public static AccountType ParseAccountType(string text) => Enum.Parse<AccountType>(text, ignoreCase: true);
    public static SourceDocumentType ParseSourceType(string text) => Enum.Parse<SourceDocumentType>(text, ignoreCase: true);
    public static Side ParseSide(string text) => text == "D" ? Side.Debit : Side.Credit;

    public static Account ToDomain(this LedgerAccountRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.TenantId, r.Code, r.Name, ParseAccountType(r.Type), r.RegionCode);
    }

    public static LedgerAccountRecord ToRecord(this Account a) => new()
    {
        TenantId = a.TenantId,
        Code = a.Code,
        Name = a.Name,
        Type = a.Type.ToText(),
        RegionCode = a.RegionCode,
    };

    /// <summary>Reads an entry as stored, without checks: verification judges it (<see cref="JournalEntry.FromStore"/>).</summary>
    public static JournalEntry ToDomain(this JournalEntryRecord r) =>
        JournalEntry.FromStore(r.TenantId, r.Sequence, r.BusinessDate, LedgerPeriod.Parse(r.Period),
            r.OriginalPeriod is null ? null : LedgerPeriod.Parse(r.OriginalPeriod), r.Description,
            ParseSourceType(r.SourceType), r.SourceReference, r.IdempotencyKey, r.Reverses,
            [.. r.Postings.OrderBy(p => p.Line).Select(p => Posting.FromStore(p.AccountCode, ParseSide(p.Side), p.Amount))],
            r.RecordedAt, r.PreviousHash, r.Hash);

    public static JournalEntryRecord ToRecord(this JournalEntry e) => new()
    {
        TenantId = e.TenantId,
        Sequence = e.Sequence,
        BusinessDate = e.BusinessDate,
        Period = e.Period.ToString(),
        OriginalPeriod = e.OriginalPeriod?.ToString(),
        Description = e.Description,
        SourceType = e.SourceType.ToText(),
        SourceReference = e.SourceReference,
        IdempotencyKey = e.IdempotencyKey,
        Reverses = e.Reverses,
        RecordedAt = e.RecordedAt,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
        Postings = [.. e.Postings.Select((p, i) => new JournalPostingRecord
        {
            TenantId = e.TenantId,
            Sequence = e.Sequence,
            Line = (short)(i + 1),
            AccountCode = p.AccountCode,
            Side = p.Side.ToText(),
            Amount = p.Amount,
        })],
    };
}
