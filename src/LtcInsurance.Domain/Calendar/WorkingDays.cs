namespace LtcInsurance.Domain.Calendar;

/// <summary>
/// Working-day arithmetic over a week of Monday-to-Friday work and a tenant's exceptions: a public holiday is not a
/// working day even on a weekday, a 调休 make-up day is one even on a weekend.
/// </summary>
public static class WorkingDays
{
    /// <summary>Whether <paramref name="day"/> is worked, given its exception (null: none).</summary>
    /// <param name="exceptionKind"><see cref="CalendarDay.Holiday"/>, <see cref="CalendarDay.Workday"/> or null.</param>
    public static bool IsWorkingDay(DateOnly day, string? exceptionKind) => exceptionKind switch
    {
        CalendarDay.Holiday => false,
        CalendarDay.Workday => true,
        _ => IsWeekday(day),
    };

    public static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The last day of <paramref name="workingDays"/> working days counted after <paramref name="start"/> (the start
    /// itself is not counted). <paramref name="exceptionOf"/> gives a day's exception kind, or null.
    /// </summary>
    public static DateOnly Add(DateOnly start, int workingDays, Func<DateOnly, string?> exceptionOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentNullException.ThrowIfNull(exceptionOf);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, exceptionOf(day)))
                counted++;
        }
        return day;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>).
    /// </summary>
    public static int Between(DateOnly from, DateOnly to, Func<DateOnly, string?> exceptionOf)
    {
        ArgumentNullException.ThrowIfNull(exceptionOf);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day, exceptionOf(day)))
                count++;
        }
        return count;
    }
}
