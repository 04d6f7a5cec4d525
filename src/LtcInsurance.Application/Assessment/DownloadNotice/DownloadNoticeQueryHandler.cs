using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;

namespace LtcInsurance.Application.Assessment.DownloadNotice;

internal sealed class DownloadNoticeQueryHandler(ILtcDbContext db, IPolicyEngine engine, INoticeRenderer renderer)
    : IRequestHandler<DownloadNoticeQuery, DocumentFile>
{
    public async Task<DocumentFile> Handle(DownloadNoticeQuery request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        return await AssessmentNotices.RenderAsync(db, engine, renderer, application, request.Kind, cancellationToken);
    }
}
