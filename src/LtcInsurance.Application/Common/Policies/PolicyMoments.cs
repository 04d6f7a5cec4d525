namespace LtcInsurance.Application.Common.Policies;

/// <summary>
/// Moments as PostgreSQL keeps them (microseconds): a computation's moment, stored with its result and used again to
/// recompute it, must compare with decision times exactly as it did the first time.
/// </summary>
public static class PolicyMoments
{
    public static DateTimeOffset Truncate(DateTimeOffset moment) => new(moment.Ticks - (moment.Ticks % 10), moment.Offset);
}
