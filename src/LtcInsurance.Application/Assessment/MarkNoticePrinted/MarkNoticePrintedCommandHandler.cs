using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Attachments;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.MarkNoticePrinted;

internal sealed class MarkNoticePrintedCommandHandler(
    ILtcDbContext db, IPolicyEngine engine, INoticeRenderer renderer, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<MarkNoticePrintedCommand, NoticePrinted>
{
    public async Task<NoticePrinted> Handle(MarkNoticePrintedCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        var ownerId = AssessmentNotices.OwnerId(application.Id, request.Kind);
        var printed = await db.Set<Attachment>().AnyAsync(a => a.OwnerKind == AssessmentNotices.OwnerKind && a.OwnerId == ownerId, cancellationToken);
        AssessmentRule.Check(printed, AssessmentCodes.NoticeAlreadyPrinted, AssessmentClauses.Delivery,
            $"该{AssessmentNotices.ChineseName(request.Kind)}已登记打印");
        var file = await AssessmentNotices.RenderAsync(db, engine, renderer, application, request.Kind, cancellationToken);
        var name = AttachmentFileName.Normalize(file.FileName, FileKind.Pdf, out _) ?? $"{request.Kind}.pdf";
        var copy = Attachment.Create(application.TenantId, AssessmentNotices.OwnerKind, ownerId, name, FileKind.Pdf, file.Content, user.Name(), clock.GetUtcNow());
        db.Set<Attachment>().Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return new NoticePrinted(copy.Id, name, $"已登记打印{AssessmentNotices.ChineseName(request.Kind)}，打印件已存档");
    }
}
