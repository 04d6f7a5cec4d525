namespace LtcInsurance.Application.Common.Calendar;

/// <summary>
/// A calendar with no holidays: Monday to Friday are working days. Used until a tenant's calendar is maintained.
/// </summary>
public sealed class WeekdayCalendar : IWorkingCalendar
{
    public Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult(IsWeekday(day));

    public Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWeekday(day)) counted++;
        }
        return Task.FromResult(day);
    }

    private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
