using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Common.Calendar;

/// <summary>
/// The current tenant's working calendar as its admin keeps it (<c>calendar_days</c>): Monday to Friday are working
/// days unless marked as a holiday, Saturday and Sunday are not unless marked as a 调休 make-up working day. A day
/// without an entry follows the week, so a tenant that keeps no calendar counts Monday to Friday
/// (<see cref="WeekdayCalendar"/>). The entries are read a year at a time and kept for the scope (one use case call).
/// </summary>
public sealed class TenantWorkingCalendar(ILtcDbContext db) : IWorkingCalendar
{
    private readonly Dictionary<int, Dictionary<DateOnly, string>> _years = [];

    public async Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        WorkingDays.IsWorkingDay(day, await ExceptionOfAsync(day, cancellationToken));

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (await IsWorkingDayAsync(day, cancellationToken))
                counted++;
        }
        return day;
    }

    private async ValueTask<string?> ExceptionOfAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (!_years.TryGetValue(day.Year, out var year))
        {
            var first = new DateOnly(day.Year, 1, 1);
            var last = new DateOnly(day.Year, 12, 31);
            year = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Day >= first && d.Day <= last)
                .ToDictionaryAsync(d => d.Day, d => d.Kind, cancellationToken);
            _years[day.Year] = year;
        }
        return year.GetValueOrDefault(day);
    }
}
