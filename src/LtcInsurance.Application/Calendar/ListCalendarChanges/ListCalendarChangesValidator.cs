using FluentValidation;

namespace LtcInsurance.Application.Calendar.ListCalendarChanges;

internal sealed class ListCalendarChangesValidator : AbstractValidator<ListCalendarChangesQuery>
{
    public ListCalendarChangesValidator()
    {
        RuleFor(q => q.Year).NotNull().WithMessage("请选择年份（year）")
            .InclusiveBetween(CalendarRules.FirstYear, CalendarRules.LastYear).WithMessage(CalendarRules.Plausible);
    }
}
