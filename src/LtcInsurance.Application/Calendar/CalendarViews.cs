using System.Globalization;
using LtcInsurance.Domain.Calendar;

namespace LtcInsurance.Application.Calendar;

/// <summary>One exception day of the tenant's working calendar as pages show it.</summary>
/// <param name="Kind"><c>holiday</c> (放假, not a working day) or <c>workday</c> (调休上班, a working day).</param>
public sealed record CalendarDayView(DateOnly Day, string Kind, string Name, string ChangedBy, DateTimeOffset ChangedAt)
{
    internal static CalendarDayView Of(CalendarDay d) => new(d.Day, d.Kind, d.Name, d.ChangedBy, d.ChangedAt);
}

/// <summary>One recorded change of the calendar: <c>set</c>, <c>remove</c> or <c>import</c>.</summary>
public sealed record CalendarChangeView(DateOnly Day, string Action, string? Kind, string Name, string ActedBy, DateTimeOffset ActedAt);

/// <summary>Shared checks and words of the calendar use cases.</summary>
internal static class CalendarRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static bool PlausibleDay(DateOnly? day) => day is null || (day.Value.Year >= FirstYear && day.Value.Year <= LastYear);

    public static string Plausible => $"日期须在 {FirstYear} 至 {LastYear} 年之间";

    public static string KindName(string kind) => kind == CalendarDay.Workday ? "调休上班日" : "放假日";

    /// <summary>Reads 放假/休/holiday and 上班/班/调休上班/workday; null otherwise.</summary>
    public static string? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "holiday" or "放假" or "休" or "节假日" or "放假日" or "休息" => CalendarDay.Holiday,
        "workday" or "上班" or "班" or "调休" or "调休上班" or "调休上班日" or "补班" => CalendarDay.Workday,
        _ => null,
    };

    /// <summary>Why a day cannot be given <paramref name="kind"/>, or null: a make-up working day must fall on a weekend.</summary>
    public static string? Refusal(DateOnly day, string kind) =>
        kind == CalendarDay.Workday && WorkingDays.IsWeekday(day)
            ? $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 是{Weekday(day)}，本来就是工作日：调休上班日只能登记在周六或周日"
            : null;

    public static string Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };
}
