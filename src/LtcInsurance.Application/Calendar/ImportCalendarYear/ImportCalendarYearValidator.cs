using FluentValidation;

namespace LtcInsurance.Application.Calendar.ImportCalendarYear;

internal sealed class ImportCalendarYearValidator : AbstractValidator<ImportCalendarYearCommand>
{
    /// <summary>A year's list is some thirty lines; 64 KiB is far more than any.</summary>
    public const int MaxCsvLength = 64 * 1024;

    public ImportCalendarYearValidator()
    {
        RuleFor(c => c.Year).NotNull().WithMessage("请选择年份（year）")
            .InclusiveBetween(CalendarRules.FirstYear, CalendarRules.LastYear).WithMessage(CalendarRules.Plausible);
        RuleFor(c => c.Csv).NotEmpty().WithMessage("请提供节假日清单（CSV：日期,类型,名称）")
            .MaximumLength(MaxCsvLength).WithMessage("节假日清单过大（最多 64 KB）：一年的清单只有几十行");
    }
}
