using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.ExportCollectionErrors;

internal sealed class ExportCollectionErrorsHandler(ILtcDbContext db, ITableFileWriter files, IAuditTrail audit)
    : IRequestHandler<ExportCollectionErrorsQuery, ExportedFile>
{
    private static readonly string[] Header = ["行号/row", "收款凭证号/reference", "身份证号码/ID number", "期间/period", "金额/amount", "错误原因/reason"];

    public async Task<ExportedFile> Handle(ExportCollectionErrorsQuery request, CancellationToken cancellationToken)
    {
        var import = await db.Set<CollectionImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.ImportId, cancellationToken)
                     ?? throw new RequestValidationException($"导入任务 {request.ImportId} 不存在。");
        var errors = await db.Set<CollectionImportError>().AsNoTracking().Where(e => e.ImportId == request.ImportId)
            .OrderBy(e => e.RowNumber).ToListAsync(cancellationToken);
        var table = new ExportTable("错误报告", Header,
            errors.Select(e => new object[] { e.RowNumber, e.Reference ?? "", e.IdNumber ?? "", e.Period ?? "", e.Amount ?? "", e.Message }));
        // ID numbers with amounts: an export of personal data, on record.
        audit.Exported("collection-errors", request.Format.ToString(), errors.Count, new { Import = request.ImportId });
        return await files.WriteAsync("征收导入错误报告_" + Path.GetFileNameWithoutExtension(import.FileName), table, request.Format,
            cancellationToken);
    }
}
