using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Benefits.RecordDischarge;

internal sealed class RecordDischargeCommandValidator : AbstractValidator<RecordDischargeCommand>
{
    public RecordDischargeCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.StayId).NotEmpty().WithMessage("请指定住院记录");
        RuleFor(c => c.Discharged).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("出院日期"));
    }
}
