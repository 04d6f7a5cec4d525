using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Application.Ledger.ExportTrialBalance;

internal sealed class ExportTrialBalanceHandler(ILtcDbContext db, ITableFileWriter files) : IRequestHandler<ExportTrialBalanceQuery, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportTrialBalanceQuery request, CancellationToken cancellationToken)
    {
        var tb = await db.TrialBalanceAsync(request.Through, cancellationToken);
        var name = "试算平衡表" + (request.Through is { } through ? "_" + through : "");
        return await files.WriteAsync(name, LedgerTables.TrialBalance(tb), request.Format, cancellationToken);
    }
}
