using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Attachments;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Attachments.DownloadAttachment;

internal sealed class DownloadAttachmentHandler(ILtcDbContext db) : IRequestHandler<DownloadAttachmentQuery, AttachmentFile?>
{
    public async Task<AttachmentFile?> Handle(DownloadAttachmentQuery request, CancellationToken cancellationToken) =>
        await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == request.Id)
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Content))
            .SingleOrDefaultAsync(cancellationToken);
}
