using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Application.Ledger.ExportAccountStatement;

internal sealed class ExportAccountStatementHandler(ILtcDbContext db, ITableFileWriter files)
    : IRequestHandler<ExportAccountStatementQuery, ExportedFile?>
{
    public async Task<ExportedFile?> Handle(ExportAccountStatementQuery request, CancellationToken cancellationToken)
    {
        if (await db.StatementAsync(request.AccountCode, request.From, request.To, cancellationToken) is not { } statement)
            return null;
        var name = $"明细账_{statement.Account.Code}_{statement.Account.Name}"
                   + (statement.From is null && statement.To is null
                       ? ""
                       : $"_{statement.From?.ToString() ?? "起"}至{statement.To?.ToString() ?? "今"}");
        return await files.WriteAsync(name, LedgerTables.Statement(statement), request.Format, cancellationToken);
    }
}
