using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.ExportJournal;

/// <summary>
/// One query over the filtered entries joined with their postings, in chain order, read as the file is written (a
/// journal of millions of lines: memory stays flat; with a target, the first bytes leave at once).
/// </summary>
internal sealed class ExportJournalHandler(ILtcDbContext db, IStreamingTableWriter files) : IRequestHandler<ExportJournalQuery, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportJournalQuery request, CancellationToken cancellationToken)
    {
        var names = await db.AccountNamesAsync(cancellationToken);
        var lines =
            from e in request.Filter.Apply(db.JournalEntries.AsNoTracking())
            join p in db.JournalPostings.AsNoTracking() on new { e.TenantId, e.Sequence } equals new { p.TenantId, p.Sequence }
            orderby e.Sequence, p.Line
            select new { e.Sequence, e.BusinessDate, e.Period, e.OriginalPeriod, e.Description, e.SourceType, e.SourceReference, e.Reverses, p.AccountCode, p.Side, p.Amount };
        var name = "序时账" + (request.Filter.IsFiltered ? "_筛选" : "");
        var (file, _) = await files.WriteAsync(name,
            new StreamedTable("序时账", LedgerTables.JournalColumns, LedgerTables.JournalRowsAsync(Lines(), names)),
            request.Format, request.Target, cancellationToken);
        return file;

        async IAsyncEnumerable<LedgerTables.JournalLine> Lines()
        {
            await foreach (var x in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return new LedgerTables.JournalLine(x.Sequence, x.BusinessDate, x.Period, x.OriginalPeriod, x.Description,
                    LedgerRecordMapping.ParseSourceType(x.SourceType), x.SourceReference, x.Reverses, x.AccountCode,
                    LedgerRecordMapping.ParseSide(x.Side), x.Amount);
            }
        }
    }
}
