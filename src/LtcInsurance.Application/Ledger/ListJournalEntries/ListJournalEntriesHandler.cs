using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Paging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.ListJournalEntries;

/// <summary>
/// Two statements per page at most whatever the journal's size: the page's rows with their amounts and one entry more
/// (one query; the primary key serves the sequence order and the keyset), then, only when that entry says the list goes
/// on, its size: for every entry the chain head's last sequence (exact, one row), under a filter a count capped at
/// <see cref="ListJournalEntriesQuery.CountCap"/> + 1 entries. A list that ends on the page is counted by its rows.
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

        var ordered = (request.Sort, request.Descending) switch
        {
            (JournalSort.BusinessDate, true) => window.OrderByDescending(e => e.BusinessDate).ThenByDescending(e => e.Sequence),
            (JournalSort.BusinessDate, false) => window.OrderBy(e => e.BusinessDate).ThenBy(e => e.Sequence),
            (JournalSort.Amount, true) => window.OrderByDescending(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount)).ThenByDescending(e => e.Sequence),
            (JournalSort.Amount, false) => window.OrderBy(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount)).ThenBy(e => e.Sequence),
            (_, false) => window.OrderBy(e => e.Sequence),
            _ => window.OrderByDescending(e => e.Sequence),
        };
        // The page and one entry more (whether the list goes on).
        Task<List<Row>> Read(int page) => ordered
            .Skip(page * size).Take(size + 1)
            .Select(e => new Row(e.Sequence, e.BusinessDate, e.Period, e.OriginalPeriod, e.Description, e.SourceType, e.SourceReference,
                e.Reverses, e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount)))
            .ToListAsync(cancellationToken);

        var page = await PageWindow.ReadAsync(window, pagesBefore, request.Page, size, ListJournalEntriesQuery.OffsetCap, Read,
            cancellationToken);
        var rows = page.Rows;
        var total = page.Seen;
        var lowerBound = false;
        if (page.More && !request.Filter.IsFiltered)
        {
            // Every entry: the chain head's sequence is their number (sequences run from 1 without a gap), one row read.
            var last = await db.LedgerChainHeads.AsNoTracking().Select(h => (long?)h.LastSequence).SingleOrDefaultAsync(cancellationToken);
            total = (int)Math.Clamp(last ?? 0, page.Seen + 1, int.MaxValue);
        }
        else if (page.More)
        {
            (total, lowerBound) = await PageWindow.CappedTotalAsync(window, page, pagesBefore, size, ListJournalEntriesQuery.CountCap,
                cancellationToken);
        }

        return new JournalEntryPage(
            [.. rows.Select(e => new JournalEntryRow(new EntrySequence(e.Sequence), e.BusinessDate, LedgerPeriod.Parse(e.Period),
                e.OriginalPeriod is null ? null : LedgerPeriod.Parse(e.OriginalPeriod), e.Description,
                LedgerRecordMapping.ParseSourceType(e.SourceType), e.SourceReference,
                e.Reverses is { } r ? new EntrySequence(r) : null, e.Amount))],
            total, page.Page, Math.Max((total + size - 1) / size, 1), lowerBound);
    }

    private sealed record Row(long Sequence, DateOnly BusinessDate, string Period, string? OriginalPeriod, string Description,
        string SourceType, string SourceReference, long? Reverses, decimal Amount);
}
