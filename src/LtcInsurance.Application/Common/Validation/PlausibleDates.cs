namespace LtcInsurance.Application.Common.Validation;

/// <summary>
/// The window a business date must fall in to be believed: none of the five schemes is older than
/// <see cref="Earliest"/> (the national pilots began in 2016), and nothing is booked more than
/// <see cref="YearsAhead"/> years ahead. A date outside it is a typo (20226-01-01, 1026-01-01), refused with a message.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public const int YearsAhead = 10;

    /// <summary>Today in China (UTC+8), where all five cities keep their books.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
    }

    public static bool IsBusinessDate(DateOnly date, TimeProvider clock) =>
        date >= Earliest && date <= Today(clock).AddYears(YearsAhead);

    public static string BusinessDateMessage(string what) =>
        $"{what}应在 {Earliest:yyyy-MM-dd} 至今后 {YearsAhead} 年之内";
}
