using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.ListJournalEntries;

internal sealed class ListJournalEntriesHandler(ILtcDbContext db) : IRequestHandler<ListJournalEntriesQuery, JournalEntryPage>
{
    public async Task<JournalEntryPage> Handle(ListJournalEntriesQuery request, CancellationToken cancellationToken)
    {
        var entries = request.Filter.Apply(db.JournalEntries.AsNoTracking());
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = (total + request.PageSize - 1) / request.PageSize;
        var page = Math.Clamp(request.Page, 1, Math.Max(pageCount, 1));
        var ordered = (request.Sort, request.Descending) switch
        {
            (JournalSort.BusinessDate, true) => entries.OrderByDescending(e => e.BusinessDate).ThenByDescending(e => e.Sequence),
            (JournalSort.BusinessDate, false) => entries.OrderBy(e => e.BusinessDate).ThenBy(e => e.Sequence),
            (JournalSort.Amount, true) => entries.OrderByDescending(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount)).ThenByDescending(e => e.Sequence),
            (JournalSort.Amount, false) => entries.OrderBy(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount)).ThenBy(e => e.Sequence),
            (_, false) => entries.OrderBy(e => e.Sequence),
            _ => entries.OrderByDescending(e => e.Sequence),
        };
        var rows = await ordered
            .Skip((page - 1) * request.PageSize).Take(request.PageSize)
            .Select(e => new
            {
                e.Sequence, e.BusinessDate, e.Period, e.OriginalPeriod, e.Description, e.SourceType, e.SourceReference, e.Reverses,
                Amount = e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount),
            })
            .ToListAsync(cancellationToken);
        return new JournalEntryPage(
            [.. rows.Select(e => new JournalEntryRow(new EntrySequence(e.Sequence), e.BusinessDate, LedgerPeriod.Parse(e.Period),
                e.OriginalPeriod is null ? null : LedgerPeriod.Parse(e.OriginalPeriod), e.Description,
                LedgerRecordMapping.ParseSourceType(e.SourceType), e.SourceReference,
                e.Reverses is { } r ? new EntrySequence(r) : null, e.Amount))],
            total, page, pageCount);
    }
}
