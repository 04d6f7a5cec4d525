using FluentValidation;
using LtcInsurance.Domain.Supervision;

namespace LtcInsurance.Application.Supervision.ListFlags;

internal sealed class ListFlagsValidator : AbstractValidator<ListFlagsQuery>
{
    public ListFlagsValidator()
    {
        RuleFor(q => q.Filter).NotNull().WithMessage("请提供筛选条件");
        RuleFor(q => q.Filter.RuleCode).Must(r => string.IsNullOrEmpty(r) || AnomalyRules.Find(r) is not null).WithMessage("没有这条异常规则")
            .When(q => q.Filter is not null);
        RuleFor(q => q.Filter.Status).Must(s => string.IsNullOrEmpty(s) || FlagOutcomes.All.Contains(s)).WithMessage("没有这个核查状态")
            .When(q => q.Filter is not null);
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0).WithMessage("页码无效");
        RuleFor(q => q.Take).InclusiveBetween(1, 500).WithMessage("每页 1 至 500 条");
    }
}
