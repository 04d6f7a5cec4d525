using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Benefits.PostAssessmentFee;

internal sealed class PostAssessmentFeeCommandValidator : AbstractValidator<PostAssessmentFeeCommand>
{
    public PostAssessmentFeeCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.On).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("记账日期"));
    }
}
