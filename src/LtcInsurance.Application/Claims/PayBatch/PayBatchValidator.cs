using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Claims.PayBatch;

internal sealed class PayBatchValidator : AbstractValidator<PayBatchCommand>
{
    public PayBatchValidator(TimeProvider clock)
    {
        RuleFor(c => c.BatchId).NotEmpty().WithMessage("未指定拨付批次");
        RuleFor(c => c.PaidOn).NotEqual(default(DateOnly)).WithMessage("请填写拨付日期");
        RuleFor(c => c.PaidOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(c => c.PaidOn != default)
            .WithMessage(PlausibleDates.BusinessDateMessage("拨付日期"));
    }
}
