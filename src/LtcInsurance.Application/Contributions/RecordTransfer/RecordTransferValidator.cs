using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Contributions.RecordTransfer;

internal sealed class RecordTransferValidator : AbstractValidator<RecordTransferCommand>
{
    public RecordTransferValidator(TimeProvider clock)
    {
        RuleFor(c => c.Period).Must(p => ContributionPeriod.TryParse(p?.Trim() ?? "", out _))
            .WithMessage("期间格式应为 YYYY 或 YYYY-MM");
        RuleFor(c => c.Payer).Must(p => Payer.TryFromCode(p, out var payer) && payer != Payer.Individual)
            .WithMessage("请选择个人以外的缴费方（单位、医保统筹基金、财政）：个人缴费按缴费单登记");
        RuleFor(c => c.Reference)
            .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= PaymentMustCarryAReference.MaxLength)
            .WithMessage("到账凭证号为空或超过64个字符");
        RuleFor(c => c.Amount).Cascade(CascadeMode.Stop)
            .GreaterThan(0m).WithMessage("到账金额须大于零")
            .Must(a => decimal.Round(a, 2) == a).WithMessage("到账金额最多两位小数");
        RuleFor(c => c.ReceivedOn).NotEqual(default(DateOnly)).WithMessage("请填写到账日期");
        RuleFor(c => c.ReceivedOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(c => c.ReceivedOn != default)
            .WithMessage(PlausibleDates.BusinessDateMessage("到账日期"));
    }
}
