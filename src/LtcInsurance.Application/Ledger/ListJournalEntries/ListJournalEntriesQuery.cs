using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.ListJournalEntries;

/// <summary>An entry as the journal lists it; <see cref="Amount"/> is its debit total (equal to its credit total).</summary>
public sealed record JournalEntryRow(
    EntrySequence Sequence,
    DateOnly BusinessDate,
    LedgerPeriod Period,
    LedgerPeriod? OriginalPeriod,
    string Description,
    SourceDocumentType SourceType,
    string SourceReference,
    EntrySequence? Reverses,
    decimal Amount);

/// <summary>
/// One page of the journal: its rows, newest first, the number of matching entries, the page shown (clamped) and the page
/// count. <see cref="TotalIsLowerBound"/>: under a filter, the count stopped at <see cref="ListJournalEntriesQuery.CountCap"/>
/// entries after the page's start window (there are at least <see cref="Total"/>).
/// </summary>
public sealed record JournalEntryPage(IReadOnlyList<JournalEntryRow> Rows, int Total, int Page, int PageCount,
    bool TotalIsLowerBound = false);

/// <summary>What the journal can be ordered by; entries of equal value keep their sequence order.</summary>
public enum JournalSort
{
    Sequence,
    BusinessDate,
    Amount,
}

/// <summary>
/// The current tenant's journal (序时账) under the journal page's filters, one page at a time, newest first unless
/// another order is asked for. A page beyond the last shows the last. In sequence order, <see cref="After"/> (the sequence of
/// the last row of page <see cref="AfterPage"/>) starts the following pages there (keyset) instead of skipping from the
/// start (an offset never goes beyond <see cref="OffsetCap"/> entries). Every entry is counted by the chain head; under a
/// filter the count stops at <see cref="CountCap"/> entries from the window's start.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ListJournalEntriesQuery(JournalEntryFilter Filter, int Page = 1, int PageSize = ListJournalEntriesQuery.DefaultPageSize,
    JournalSort Sort = JournalSort.Sequence, bool Descending = true, long? After = null, int AfterPage = 0)
    : IRequest<JournalEntryPage>
{
    public const int CountCap = 1_000;

    public const int OffsetCap = 10_000;

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;
}
