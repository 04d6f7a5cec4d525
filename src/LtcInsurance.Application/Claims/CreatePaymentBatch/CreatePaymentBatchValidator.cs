using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Claims.CreatePaymentBatch;

internal sealed class CreatePaymentBatchValidator : AbstractValidator<CreatePaymentBatchCommand>
{
    public CreatePaymentBatchValidator() =>
        RuleFor(c => c.Month).Must(m => string.IsNullOrWhiteSpace(m) || Month.TryParse(m.Trim(), out _)).WithMessage("月份应写作 YYYY-MM");
}
