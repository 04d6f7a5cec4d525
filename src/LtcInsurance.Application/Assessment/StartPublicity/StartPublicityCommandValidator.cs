using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.StartPublicity;

internal sealed class StartPublicityCommandValidator : AbstractValidator<StartPublicityCommand>
{
    public StartPublicityCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.StartOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("公示开始日期"));
    }
}
