using FluentValidation;

namespace LtcInsurance.Application.Assessment.ListNotices;

internal sealed class ListNoticesQueryValidator : AbstractValidator<ListNoticesQuery>
{
    public ListNoticesQueryValidator()
    {
        RuleFor(q => q.Kind).Must(k => k is null || AssessmentNotices.All.Contains(k))
            .WithMessage(q => $"通知书类型「{q.Kind}」未知（可用：{string.Join("、", AssessmentNotices.All)}）");
        RuleFor(q => q.State).Must(s => s is null || NoticeStates.Filters.Contains(s))
            .WithMessage(q => $"状态「{q.State}」未知（可用：{string.Join("、", NoticeStates.Filters)}）");
        RuleFor(q => q.Take).InclusiveBetween(1, 2000).WithMessage("每次最多列出 2000 条");
    }
}
