using FluentValidation;

namespace LtcInsurance.Application.Assessment.MarkNoticePrinted;

internal sealed class MarkNoticePrintedCommandValidator : AbstractValidator<MarkNoticePrintedCommand>
{
    public MarkNoticePrintedCommandValidator()
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.Kind).Must(k => AssessmentNotices.All.Contains(k))
            .WithMessage(c => $"通知书类型「{c.Kind}」未知（可用：{string.Join("、", AssessmentNotices.All)}）");
    }
}
