using FluentValidation;

namespace LtcInsurance.Application.Attachments.ListAttachments;

internal sealed class ListAttachmentsValidator : AbstractValidator<ListAttachmentsQuery>
{
    public ListAttachmentsValidator()
    {
        RuleFor(c => c.OwnerKind).Must(AttachmentLimits.IsOwnerKind)
            .WithMessage("附件所属类别（ownerKind）无效：应为小写英文代码，如 application");
        RuleFor(c => c.OwnerId).Must(AttachmentLimits.IsOwnerId)
            .WithMessage($"附件所属对象编号（ownerId）无效：应为 1 至 {AttachmentLimits.OwnerIdMaxLength} 位字母、数字或 - _ .");
    }
}
