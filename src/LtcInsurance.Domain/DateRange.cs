namespace LtcInsurance.Domain;

/// <summary>An inclusive range of days; an open end (<see cref="To"/> null) runs indefinitely.</summary>
public sealed record DateRange
{
    public DateRange(DateOnly from, DateOnly? to)
    {
        if (to is { } end && end < from)
        {
            throw new ArgumentException($"range ends ({end:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly? To { get; }

    public bool Contains(DateOnly day) => day >= From && (To is null || day <= To);

    /// <summary>Number of days of this range that fall inside [start, end].</summary>
    public int DaysWithin(DateOnly start, DateOnly end)
    {
        var first = From > start ? From : start;
        var last = To is { } t && t < end ? t : end;
        return last < first ? 0 : last.DayNumber - first.DayNumber + 1;
    }
}
