using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.GetConclusionLetter;

internal sealed class GetConclusionLetterQueryValidator : AbstractValidator<GetConclusionLetterQuery>
{
    public GetConclusionLetterQueryValidator(TimeProvider clock)
    {
        RuleFor(q => q.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(q => q.Date).Must(d => d is null || PlausibleDates.IsBusinessDate(d.Value, clock)).WithMessage(PlausibleDates.BusinessDateMessage("结论书日期"));
    }
}
