using FluentValidation;

namespace LtcInsurance.Application.Assessment.DownloadNotice;

internal sealed class DownloadNoticeQueryValidator : AbstractValidator<DownloadNoticeQuery>
{
    public DownloadNoticeQueryValidator()
    {
        RuleFor(q => q.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(q => q.Kind).Must(k => AssessmentNotices.All.Contains(k))
            .WithMessage(q => $"通知书类型「{q.Kind}」未知（可用：{string.Join("、", AssessmentNotices.All)}）");
    }
}
