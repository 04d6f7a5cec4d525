using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.AssignApplication;

internal sealed class AssignApplicationCommandValidator : AbstractValidator<AssignApplicationCommand>
{
    public AssignApplicationCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.AgencyId).NotEmpty().WithMessage("请指定评估机构");
        RuleFor(c => c.On).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("委派日期"));
        RuleFor(c => c).Must(c => c.DueOn >= c.On).WithMessage("评估完成期限不能早于委派日期");
    }
}
