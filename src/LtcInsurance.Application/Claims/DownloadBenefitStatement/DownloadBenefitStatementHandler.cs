using LtcInsurance.Application.Claims.GetBenefitStatement;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Claims.DownloadBenefitStatement;

internal sealed class DownloadBenefitStatementHandler(ILtcDbContext db, INoticeRenderer renderer, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<DownloadBenefitStatementQuery, DocumentFile>
{
    public async Task<DocumentFile> Handle(DownloadBenefitStatementQuery request, CancellationToken cancellationToken)
    {
        Month.TryParse(request.Month.Trim(), out var month);
        var statement = await GetBenefitStatementHandler.BuildAsync(db, request.PersonId, month, cancellationToken);
        var pdf = renderer.RenderPdf(ClaimStatements.BenefitNotice(statement, ClaimLookup.Today(clock)));
        audit.Exported("claims.benefit-statement", "Pdf", 1, new { request.PersonId, request.Month });
        return new DocumentFile($"待遇结算明细-{statement.PersonName}-{statement.Month}.pdf", DocumentFile.PdfContentType, pdf);
    }
}
