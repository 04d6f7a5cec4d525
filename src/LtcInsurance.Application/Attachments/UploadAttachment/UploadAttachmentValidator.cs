using FluentValidation;

namespace LtcInsurance.Application.Attachments.UploadAttachment;

internal sealed class UploadAttachmentValidator : AbstractValidator<UploadAttachmentCommand>
{
    public UploadAttachmentValidator()
    {
        RuleFor(c => c.OwnerKind).Must(AttachmentLimits.IsOwnerKind)
            .WithMessage("附件所属类别（ownerKind）无效：应为小写英文代码，如 application");
        RuleFor(c => c.OwnerId).Must(AttachmentLimits.IsOwnerId)
            .WithMessage($"附件所属对象编号（ownerId）无效：应为 1 至 {AttachmentLimits.OwnerIdMaxLength} 位字母、数字或 - _ .");
        RuleFor(c => c.Content).NotNull().WithMessage("请选择要上传的文件")
            .Must(c => c is null || c.Length > 0).WithMessage("文件是空的（0 字节），请重新选择")
            .Must(c => c is null || c.Length <= AttachmentLimits.MaxBytes)
            .WithMessage(c => $"文件过大（{AttachmentLimits.Size(c.Content!.Length)}）：每个附件最大 {AttachmentLimits.Size(AttachmentLimits.MaxBytes)}，请压缩或分开上传");
        RuleFor(c => c.FileName).NotNull().WithMessage("缺少文件名");
    }
}
