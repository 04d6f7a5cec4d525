using FluentValidation;

namespace LtcInsurance.Application.Projection.ProjectFund;

internal sealed class ProjectFundValidator : AbstractValidator<ProjectFundQuery>
{
    public ProjectFundValidator()
    {
        RuleFor(q => q.Years).InclusiveBetween(1, 5).WithMessage("预测年数应在 1 至 5 年之间。");
        RuleFor(q => q.BaseYear).InclusiveBetween(2000, 2100).WithMessage("基准年度应在 2000 至 2100 之间。");
        foreach (var (rate, name) in new (System.Linq.Expressions.Expression<Func<ProjectFundQuery, decimal?>>, string)[]
                 {
                     (q => q.InsuredGrowth, "参保人数年增长率"), (q => q.ContributionGrowth, "人均缴费年增长率"),
                     (q => q.BeneficiaryGrowth, "享受待遇人数年增长率"), (q => q.CostGrowth, "人均待遇支出年增长率"),
                 })
            RuleFor(rate).InclusiveBetween(-50m, 100m).WithMessage($"{name}应在 -50% 至 100% 之间。");
        RuleForEach(q => q.Overrides).Must(o => !string.IsNullOrWhiteSpace(o.Key) && o.Value >= 0m && o.Value <= 1_000_000m)
            .WithMessage("假设参数的值应在 0 至 1,000,000 之间。");
    }
}
