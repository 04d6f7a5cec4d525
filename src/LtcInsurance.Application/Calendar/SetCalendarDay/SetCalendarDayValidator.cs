using FluentValidation;
using LtcInsurance.Domain.Calendar;

namespace LtcInsurance.Application.Calendar.SetCalendarDay;

internal sealed class SetCalendarDayValidator : AbstractValidator<SetCalendarDayCommand>
{
    public SetCalendarDayValidator()
    {
        RuleFor(c => c.Day).NotNull().WithMessage("请填写日期（day）")
            .Must(CalendarRules.PlausibleDay).WithMessage(CalendarRules.Plausible);
        RuleFor(c => c.Kind).Must(k => CalendarRules.ParseKind(k) is not null)
            .WithMessage("类型（kind）应为 放假（holiday）或 调休上班（workday）");
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写名称（name），如 国庆节")
            .MaximumLength(CalendarDay.NameMaxLength).WithMessage($"名称（name）过长（最多 {CalendarDay.NameMaxLength} 个字符）");
        RuleFor(c => c.Day)
            .Must((c, day) => day is null || CalendarRules.ParseKind(c.Kind) is not { } kind || CalendarRules.Refusal(day.Value, kind) is null)
            .WithMessage((c, day) => CalendarRules.Refusal(day!.Value, CalendarRules.ParseKind(c.Kind)!));
    }
}
