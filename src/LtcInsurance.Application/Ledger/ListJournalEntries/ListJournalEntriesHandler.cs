using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.ListJournalEntries;

/// <summary>
/// Two statements per page whatever the journal's size: a count capped at <see cref="ListJournalEntriesQuery.CountCap"/>
/// + 1 entries, and the page's rows with their amounts (one query; the primary key serves the sequence order and the
/// keyset).
/// </summary>
internal sealed class ListJournalEntriesHandler(ILtcDbContext db) : IRequestHandler<ListJournalEntriesQuery, JournalEntryPage>
{
    public async Task<JournalEntryPage> Handle(ListJournalEntriesQuery request, CancellationToken cancellationToken)
    {
        var entries = request.Filter.Apply(db.JournalEntries.AsNoTracking());
        var size = request.PageSize;
        var window = entries;
        var pagesBefore = 0;
        if (request is { Sort: JournalSort.Sequence, After: { } after, AfterPage: >= 1 } && request.Page > request.AfterPage)
        {
            window = request.Descending ? entries.Where(e => e.Sequence < after) : entries.Where(e => e.Sequence > after);
            pagesBefore = request.AfterPage;
        }

        var counted = await window.Take(ListJournalEntriesQuery.CountCap + 1).CountAsync(cancellationToken);
        var inWindow = Math.Min(counted, ListJournalEntriesQuery.CountCap);
        var windowPages = Math.Max((inWindow + size - 1) / size, 1);
        var relativePage = Math.Clamp(request.Page - 1 - pagesBefore, 0, windowPages - 1);
        var ordered = (request.Sort, request.Descending) switch
        {
            (JournalSort.BusinessDate, true) => window.OrderByDescending(e => e.BusinessDate).ThenByDescending(e => e.Sequence),
            (JournalSort.BusinessDate, false) => window.OrderBy(e => e.BusinessDate).ThenBy(e => e.Sequence),
            (JournalSort.Amount, true) => window.OrderByDescending(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount)).ThenByDescending(e => e.Sequence),
            (JournalSort.Amount, false) => window.OrderBy(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount)).ThenBy(e => e.Sequence),
            (_, false) => window.OrderBy(e => e.Sequence),
            _ => window.OrderByDescending(e => e.Sequence),
        };
        var rows = await ordered
            .Skip(relativePage * size).Take(size)
            .Select(e => new
            {
                e.Sequence, e.BusinessDate, e.Period, e.OriginalPeriod, e.Description, e.SourceType, e.SourceReference, e.Reverses,
                Amount = e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount),
            })
            .ToListAsync(cancellationToken);
        var total = pagesBefore * size + inWindow;
        return new JournalEntryPage(
            [.. rows.Select(e => new JournalEntryRow(new EntrySequence(e.Sequence), e.BusinessDate, LedgerPeriod.Parse(e.Period),
                e.OriginalPeriod is null ? null : LedgerPeriod.Parse(e.OriginalPeriod), e.Description,
                LedgerRecordMapping.ParseSourceType(e.SourceType), e.SourceReference,
                e.Reverses is { } r ? new EntrySequence(r) : null, e.Amount))],
            total, pagesBefore + relativePage + 1, Math.Max((total + size - 1) / size, 1), counted > ListJournalEntriesQuery.CountCap);
    }
}
