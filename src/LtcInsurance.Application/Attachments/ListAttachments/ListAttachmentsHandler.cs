using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Attachments;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Attachments.ListAttachments;

internal sealed class ListAttachmentsHandler(ILtcDbContext db) : IRequestHandler<ListAttachmentsQuery, IReadOnlyList<AttachmentView>>
{
    public async Task<IReadOnlyList<AttachmentView>> Handle(ListAttachmentsQuery request, CancellationToken cancellationToken) =>
        await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.OwnerKind == request.OwnerKind && a.OwnerId == request.OwnerId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.OwnerKind, a.OwnerId, a.FileName, a.ContentType, a.SizeBytes, a.Sha256,
                a.UploadedBy, a.UploadedAt))
            .ToListAsync(cancellationToken);
}
