using FluentValidation;

namespace LtcInsurance.Application.Calendar.RemoveCalendarDay;

internal sealed class RemoveCalendarDayValidator : AbstractValidator<RemoveCalendarDayCommand>
{
    public RemoveCalendarDayValidator()
    {
        RuleFor(c => c.Day).NotNull().WithMessage("请填写日期（day）")
            .Must(CalendarRules.PlausibleDay).WithMessage(CalendarRules.Plausible);
    }
}
