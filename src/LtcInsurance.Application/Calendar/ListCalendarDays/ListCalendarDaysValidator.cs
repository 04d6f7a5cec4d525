using FluentValidation;

namespace LtcInsurance.Application.Calendar.ListCalendarDays;

internal sealed class ListCalendarDaysValidator : AbstractValidator<ListCalendarDaysQuery>
{
    public ListCalendarDaysValidator()
    {
        RuleFor(q => q.Year).NotNull().WithMessage("请选择年份（year）")
            .InclusiveBetween(CalendarRules.FirstYear, CalendarRules.LastYear).WithMessage(CalendarRules.Plausible);
    }
}
