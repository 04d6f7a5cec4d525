using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Contributions;

namespace LtcInsurance.Application.Contributions.RecordPayment;

/// <summary>The form's shape; the amount against the bill is the bill's own rule (ContributionBill.RecordPayment).</summary>
internal sealed class RecordPaymentValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentValidator(TimeProvider clock)
    {
        RuleFor(c => c.Bill.Value).NotEmpty().WithMessage("缴费单不存在");
        RuleFor(c => c.Reference)
            .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= PaymentMustCarryAReference.MaxLength)
            .WithMessage("缴费凭证号为空或超过64个字符");
        RuleFor(c => c.PaidOn).NotEqual(default(DateOnly)).WithMessage("请填写缴费日期");
        RuleFor(c => c.PaidOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(c => c.PaidOn != default)
            .WithMessage(PlausibleDates.BusinessDateMessage("缴费日期"));
    }
}
