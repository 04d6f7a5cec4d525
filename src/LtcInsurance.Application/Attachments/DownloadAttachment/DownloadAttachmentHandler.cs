using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Attachments;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Attachments.DownloadAttachment;

internal sealed class DownloadAttachmentHandler(ILtcDbContext db, IAuditTrail audit) : IRequestHandler<DownloadAttachmentQuery, AttachmentFile?>
{
    public async Task<AttachmentFile?> Handle(DownloadAttachmentQuery request, CancellationToken cancellationToken)
    {
        var file = await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == request.Id)
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Content))
            .SingleOrDefaultAsync(cancellationToken);
        // a person's documents (ID cards, medical records): on record as an export of one file
        if (file is not null)
            audit.Exported("attachment", file.ContentType, 1, new { request.Id });
        return file;
    }
}
