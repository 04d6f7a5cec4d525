using FluentValidation;

namespace LtcInsurance.Application.Contributions.GetBillForPayment;

internal sealed class GetBillForPaymentValidator : AbstractValidator<GetBillForPaymentQuery>
{
    public GetBillForPaymentValidator()
    {
        RuleFor(q => q.Bill.Value).NotEmpty().WithMessage("缴费单不存在");
    }
}
