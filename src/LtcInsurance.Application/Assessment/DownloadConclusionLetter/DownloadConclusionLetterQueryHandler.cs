using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Documents.RenderConclusionLetter;

namespace LtcInsurance.Application.Assessment.DownloadConclusionLetter;

internal sealed class DownloadConclusionLetterQueryHandler(ILtcDbContext db, IPolicyEngine engine, INoticeRenderer renderer, IAuditTrail audit)
    : IRequestHandler<DownloadConclusionLetterQuery, DocumentFile>
{
    public async Task<DocumentFile> Handle(DownloadConclusionLetterQuery request, CancellationToken cancellationToken)
    {
        var letter = await ConclusionLetters.ComposeAsync(db, engine, request.ApplicationId, request.Date, cancellationToken);
        audit.Exported("assessment.conclusion-letter", "Pdf", 1, new { request.ApplicationId });
        return new DocumentFile(ConclusionLetters.FileName(letter), DocumentFile.PdfContentType, renderer.RenderPdf(ConclusionLetterNotice.Compose(letter)));
    }
}
