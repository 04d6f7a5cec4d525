using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Contributions;

namespace LtcInsurance.Application.Contributions.RecordPayment;

/// <summary>
/// The form's shape, the amount's too (above zero, whole cents: the same texts as the bill's rules, so a form shows them
/// next to the field); the amount against what is outstanding is the bill's own rule (ContributionBill.RecordPayment).
/// </summary>
internal sealed class RecordPaymentValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentValidator(TimeProvider clock)
    {
        RuleFor(c => c.Bill.Value).NotEmpty().WithMessage("缴费单不存在");
        RuleFor(c => c.Reference)
            .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= PaymentMustCarryAReference.MaxLength)
            .WithMessage("缴费凭证号为空或超过64个字符");
        RuleFor(c => c.Amount).Cascade(CascadeMode.Stop)
            .GreaterThan(0m).WithMessage("缴费金额须大于零")
            .Must(a => decimal.Round(a, 2) == a).WithMessage("缴费金额最多两位小数");
        RuleFor(c => c.Method).Must(m => PaymentMethods.All.Contains(m)).WithMessage("缴费方式只能是窗口缴费、税务征收或养老金代扣");
        RuleFor(c => c.PaidOn).NotEqual(default(DateOnly)).WithMessage("请填写缴费日期");
        RuleFor(c => c.PaidOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(c => c.PaidOn != default)
            .WithMessage(PlausibleDates.BusinessDateMessage("缴费日期"));
    }
}
