using FluentValidation;
using LtcInsurance.Domain.Supervision;

namespace LtcInsurance.Application.Supervision.ExportFlags;

internal sealed class ExportFlagsValidator : AbstractValidator<ExportFlagsQuery>
{
    public const int MaxRows = 50_000;

    public ExportFlagsValidator()
    {
        RuleFor(q => q.Filter).NotNull().WithMessage("请提供筛选条件");
        RuleFor(q => q.Filter.RuleCode).Must(r => string.IsNullOrEmpty(r) || AnomalyRules.Find(r) is not null).WithMessage("没有这条异常规则")
            .When(q => q.Filter is not null);
        RuleFor(q => q.Filter.Status).Must(s => string.IsNullOrEmpty(s) || FlagOutcomes.All.Contains(s)).WithMessage("没有这个核查状态")
            .When(q => q.Filter is not null);
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式无效");
    }
}
