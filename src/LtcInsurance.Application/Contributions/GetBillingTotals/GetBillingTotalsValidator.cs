using FluentValidation;

namespace LtcInsurance.Application.Contributions.GetBillingTotals;

internal sealed class GetBillingTotalsValidator : AbstractValidator<GetBillingTotalsQuery>
{
    public GetBillingTotalsValidator()
    {
        RuleFor(q => q.Period).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写缴费期间")
            .Must(p => p.Trim().Length <= 7).WithMessage("缴费期间应写作 YYYY 或 YYYY-MM");
    }
}
