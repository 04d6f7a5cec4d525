using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Application.Ledger.ExportJournal;

internal sealed class ExportJournalHandler(ILtcDbContext db, ITableFileWriter files) : IRequestHandler<ExportJournalQuery, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportJournalQuery request, CancellationToken cancellationToken)
    {
        var entries = await LedgerReads.EntriesOfAsync(request.Filter.Apply(db.JournalEntries), cancellationToken);
        var names = await db.AccountNamesAsync(cancellationToken);
        var name = "序时账" + (request.Filter.IsFiltered ? "_筛选" : "");
        return await files.WriteAsync(name, LedgerTables.Journal(entries, names), request.Format, cancellationToken);
    }
}
