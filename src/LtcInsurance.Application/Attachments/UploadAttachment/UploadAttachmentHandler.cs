using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Attachments;

namespace LtcInsurance.Application.Attachments.UploadAttachment;

internal sealed class UploadAttachmentHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<UploadAttachmentCommand, AttachmentView>
{
    public async Task<AttachmentView> Handle(UploadAttachmentCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new ForbiddenAccessException("没有当前城市，无法上传附件");
        var content = request.Content!;
        var kind = FileSniffer.Detect(content)
            ?? throw new RequestValidationException([new ValidationProblem(nameof(request.Content),
                "文件内容不是 PDF、JPEG 或 PNG（按文件内容判断，与文件名无关）：请上传扫描件的 PDF 或照片")]);
        var name = AttachmentFileName.Normalize(request.FileName, kind, out var error)
            ?? throw new RequestValidationException([new ValidationProblem(nameof(request.FileName), error!)]);

        var row = Attachment.Create(tenant, request.OwnerKind!, request.OwnerId!, name, kind, content, user.Name(), clock.GetUtcNow());
        db.Set<Attachment>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new AttachmentView(row.Id, row.OwnerKind, row.OwnerId, row.FileName, row.ContentType, row.SizeBytes, row.Sha256,
            row.UploadedBy, row.UploadedAt);
    }
}
