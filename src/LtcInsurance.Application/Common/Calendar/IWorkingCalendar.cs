namespace LtcInsurance.Application.Common.Calendar;

/// <summary>
/// The current tenant's working days (工作日): weekends and public holidays are not working days, a 调休 make-up day
/// is. Every deadline the documents give in working days ("5个工作日内受理", "30个工作日内送达") is computed here.
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>Whether <paramref name="day"/> is a working day of the current tenant.</summary>
    Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days that starts after <paramref name="start"/>
    /// (the start day itself is not counted): accepted on a Friday, "within 5 working days" ends on the next Friday
    /// when no holiday falls between. <paramref name="workingDays"/> must be at least 1.
    /// </summary>
    Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken);
}
