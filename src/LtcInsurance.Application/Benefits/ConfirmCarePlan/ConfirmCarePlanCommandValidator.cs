using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Benefits.ConfirmCarePlan;

internal sealed class ConfirmCarePlanCommandValidator : AbstractValidator<ConfirmCarePlanCommand>
{
    public ConfirmCarePlanCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.CarePlanId).NotEmpty().WithMessage("请指定护理服务计划");
        RuleFor(c => c.ConfirmedOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("参保人确认日期"));
    }
}
