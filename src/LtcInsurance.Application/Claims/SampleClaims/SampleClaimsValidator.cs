using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Claims.SampleClaims;

internal sealed class SampleClaimsValidator : AbstractValidator<SampleClaimsCommand>
{
    public SampleClaimsValidator()
    {
        RuleFor(c => c.Month).Must(m => Month.TryParse(m?.Trim(), out _)).WithMessage("月份应写作 YYYY-MM");
        RuleFor(c => c.Percent).InclusiveBetween(0m, 100m).WithMessage("抽查比例应在 0 至 100 之间");
        RuleFor(c => c.AmountAtLeast).GreaterThanOrEqualTo(0m).When(c => c.AmountAtLeast is not null).WithMessage("金额不能为负数");
        RuleFor(c => c.Seed).Must(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= 64).WithMessage("请填写抽查种子（不超过64个字符）");
    }
}
