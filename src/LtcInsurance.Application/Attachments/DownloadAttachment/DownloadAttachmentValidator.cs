using FluentValidation;

namespace LtcInsurance.Application.Attachments.DownloadAttachment;

internal sealed class DownloadAttachmentValidator : AbstractValidator<DownloadAttachmentQuery>
{
    public DownloadAttachmentValidator()
    {
        RuleFor(q => q.Id).NotEmpty().WithMessage("缺少附件编号（id）");
    }
}
