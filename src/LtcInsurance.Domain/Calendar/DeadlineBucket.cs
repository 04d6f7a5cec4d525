namespace LtcInsurance.Domain.Calendar;

/// <summary>Where a deadline stands today, for the "今日必做" queue.</summary>
public enum DeadlineBucket
{
    /// <summary>逾期: the due day has passed.</summary>
    Overdue,

    /// <summary>今日到期: due today.</summary>
    DueToday,

    /// <summary>即将到期: due within the next few working days.</summary>
    DueSoon,

    /// <summary>Not urgent yet.</summary>
    Later,
}

public static class DeadlineBuckets
{
    /// <summary>
    /// The bucket of a deadline due on <paramref name="dueOn"/>, seen on <paramref name="today"/>:
    /// <paramref name="workingDaysLeft"/> are the working days after today up to the due day, and it is "soon" when they
    /// are at most <paramref name="soonWithin"/>.
    /// </summary>
    public static DeadlineBucket Of(DateOnly dueOn, DateOnly today, int workingDaysLeft, int soonWithin) =>
        dueOn < today ? DeadlineBucket.Overdue
        : dueOn == today ? DeadlineBucket.DueToday
        : workingDaysLeft <= soonWithin ? DeadlineBucket.DueSoon
        : DeadlineBucket.Later;
}
