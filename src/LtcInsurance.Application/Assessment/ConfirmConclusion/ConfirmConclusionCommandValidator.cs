using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.ConfirmConclusion;

internal sealed class ConfirmConclusionCommandValidator : AbstractValidator<ConfirmConclusionCommand>
{
    public ConfirmConclusionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.AssessmentId).NotEmpty().WithMessage("请指定现场评估记录");
        RuleFor(c => c.On).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("确认日期"));
    }
}
