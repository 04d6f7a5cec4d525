using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;

namespace LtcInsurance.Application.Assessment.DownloadNotice;

internal sealed class DownloadNoticeQueryHandler(ILtcDbContext db, IPolicyEngine engine, INoticeRenderer renderer, IAuditTrail audit)
    : IRequestHandler<DownloadNoticeQuery, DocumentFile>
{
    public async Task<DocumentFile> Handle(DownloadNoticeQuery request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        var notice = await AssessmentNotices.RenderAsync(db, engine, renderer, application, request.Kind, cancellationToken);
        audit.Exported("assessment.notice", "Pdf", 1, new { request.ApplicationId, request.Kind });
        return notice;
    }
}
