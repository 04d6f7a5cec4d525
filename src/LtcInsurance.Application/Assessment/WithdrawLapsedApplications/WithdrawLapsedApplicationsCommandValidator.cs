using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.WithdrawLapsedApplications;

internal sealed class WithdrawLapsedApplicationsCommandValidator : AbstractValidator<WithdrawLapsedApplicationsCommand>
{
    public WithdrawLapsedApplicationsCommandValidator(TimeProvider clock) =>
        RuleFor(c => c.On).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("日期"));
}
