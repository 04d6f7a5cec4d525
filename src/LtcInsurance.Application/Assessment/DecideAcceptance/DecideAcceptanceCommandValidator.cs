using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.DecideAcceptance;

internal sealed class DecideAcceptanceCommandValidator : AbstractValidator<DecideAcceptanceCommand>
{
    public DecideAcceptanceCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.On).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("受理审核日期"));
    }
}
