using FluentValidation;
using LtcInsurance.Domain.Contributions;

namespace LtcInsurance.Application.ContributionBases.SetContributionBase;

internal sealed class SetContributionBaseValidator : AbstractValidator<SetContributionBaseCommand>
{
    public SetContributionBaseValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.Kind).Must(ContributionBaseKinds.IsKnown).WithMessage("缴费基数类别只能是缴费工资基数（wage）或养老金基数（pension）");
        RuleFor(c => c.From).Must(f => BaseText.MonthOf(f).Month is not null).WithMessage(c => BaseText.MonthOf(c.From).Problem!);
        RuleFor(c => c.To).Must(t => BaseText.MonthOf(t).Month is not null).WithMessage(c => BaseText.MonthOf(c.To).Problem!);
        RuleFor(c => c).Must(c => BaseText.MonthOf(c.To).Month >= BaseText.MonthOf(c.From).Month)
            .When(c => BaseText.MonthOf(c.From).Month is not null && BaseText.MonthOf(c.To).Month is not null)
            .WithName("To").WithMessage("截止月份不能早于起始月份");
        RuleFor(c => c.Amount).GreaterThan(0m).WithMessage("缴费基数必须大于零")
            .LessThanOrEqualTo(BaseText.MaxAmount).WithMessage("缴费基数过大，请核对（每月金额，单位元）")
            .Must(a => decimal.Round(a, 2) == a).WithMessage("缴费基数最多两位小数（元、角、分）");
    }
}
