using LtcInsurance.Application.Claims.GetProviderStatement;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.DownloadProviderStatement;

internal sealed class DownloadProviderStatementHandler(
    ILtcDbContext db, INoticeRenderer renderer, ITableFileWriter files, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<DownloadProviderStatementQuery, DocumentFile>
{
    public async Task<DocumentFile> Handle(DownloadProviderStatementQuery request, CancellationToken cancellationToken)
    {
        var claim = await db.Set<Claim>().AsNoTracking().Where(c => c.Id == request.ClaimId)
            .Select(c => new { c.InstitutionId, c.ServiceMonth }).SingleOrDefaultAsync(cancellationToken);
        ClaimRule.Check(claim is null, ClaimCodes.NotFound, ClaimClauses.Handling, "未找到该结算申报");
        var provider = await ClaimLookup.ProviderAsync(db, claim!.InstitutionId, cancellationToken);
        var own = ClaimAccess.OwnProvider(user.User);
        ClaimRule.Check(own is not null && own != provider.Code, ClaimCodes.NotFound, ClaimClauses.Handling, "未找到该结算申报");

        var statement = await GetProviderStatementHandler.BuildAsync(db, provider.Code, Domain.Month.Of(claim.ServiceMonth), cancellationToken);
        var name = $"结算单-{statement.ProviderCode}-{statement.Month}";
        // the statement lists every beneficiary of the month by name and ID number
        audit.Exported("claims.provider-statement", request.Format == "xlsx" ? "Xlsx" : "Pdf", statement.Lines.Count, new { request.ClaimId });
        if (request.Format == "xlsx")
        {
            var bytes = await files.WriteAsync(ClaimStatements.ProviderTable(statement), ExportFormat.Xlsx, cancellationToken);
            return new DocumentFile(name + ".xlsx", ClaimStatements.XlsxContentType, bytes);
        }

        var pdf = renderer.RenderPdf(ClaimStatements.ProviderNotice(statement, ClaimLookup.Today(clock)));
        return new DocumentFile(name + ".pdf", DocumentFile.PdfContentType, pdf);
    }
}
