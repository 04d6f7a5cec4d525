using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Ledger.Records;

// Table-shaped records of the ledger. The domain types (Account, JournalEntry, Posting) stay immutable and
// free of persistence concerns; LedgerRecordMapping converts between the two. The tables are append-only: the
// database refuses UPDATE and DELETE on journal rows and closed periods (migration 20261123000100_Ledger).

/// <summary>ledger_accounts: the tenant's chart of accounts.</summary>
public sealed class LedgerAccountRecord : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? RegionCode { get; set; }
}

/// <summary>ledger_periods: one row per closed month (a row exists = the month is closed).</summary>
public sealed class LedgerPeriodRecord : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public string Period { get; set; } = "";
    public DateTimeOffset ClosedAt { get; set; }
}

/// <summary>ledger_chain_heads: the last sequence and hash of a tenant's chain; the row writers serialize on.</summary>
public sealed class LedgerChainHeadRecord : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}

/// <summary>journal_entries.</summary>
public sealed class JournalEntryRecord : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public long Sequence { get; set; }
    public DateOnly BusinessDate { get; set; }
    public string Period { get; set; } = "";
    public string? OriginalPeriod { get; set; }
    public string Description { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string SourceReference { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public long? Reverses { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Who posted it (user name); outside the hash (docs/ledger.md), null for entries posted before it was kept.</summary>
    public string? RecordedBy { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
    public List<JournalPostingRecord> Postings { get; set; } = [];
}

/// <summary>journal_postings: the lines of an entry, numbered from 1 in the order they were hashed.</summary>
public sealed class JournalPostingRecord : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public long Sequence { get; set; }
    public short Line { get; set; }
    public string AccountCode { get; set; } = "";
    public string Side { get; set; } = "";
    public decimal Amount { get; set; }
}

/// <summary>
/// ledger_balances: the posting lines of one period, source type, account and side, summed (and counted). Kept by the
/// database in the statement that inserts the lines (a trigger on journal_postings); the application only reads it.
/// </summary>
public sealed class LedgerBalanceRecord : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public string Period { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string AccountCode { get; set; } = "";
    public string Side { get; set; } = "";
    public decimal Amount { get; set; }
    public long Lines { get; set; }
}
