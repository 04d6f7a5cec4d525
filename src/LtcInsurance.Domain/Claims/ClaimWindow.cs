namespace LtcInsurance.Domain.Claims;

public enum WindowState
{
    /// <summary>Before the 1st of the month after the service month.</summary>
    NotYetOpen,

    /// <summary>From the 1st of M+1 to the tenant's closing day of M+1 (inclusive): submit, withdraw and resubmit.</summary>
    Open,

    /// <summary>After the closing day: the month's claims are frozen (no submission, no withdrawal).</summary>
    Closed,
}

/// <summary>
/// The claims window of a service month (按月结算申报期, SS 二(五)3, YZ 四(四), YL 三(三)): claims for month M open on the
/// 1st of M+1 and close at the end of the tenant's closing day of M+1 (parameter <c>claimWindowCloseDay</c>, which no
/// document fixes: no value is shipped). Before the close a provider may withdraw and resubmit; after it the claim is
/// frozen. A claim the reviewers returned may be resubmitted after the close (the return reopens it).
/// </summary>
public sealed record ClaimWindow(Month Month, int CloseDay)
{
    public const int LatestCloseDay = 28;

    public DateOnly Opens => Month.LastDay.AddDays(1);

    public DateOnly Closes
    {
        get
        {
            if (CloseDay is < 1 or > LatestCloseDay)
                throw new ArgumentOutOfRangeException(nameof(CloseDay), CloseDay, $"结算申报截止日须在 1 至 {LatestCloseDay} 日之间");
            return Opens.AddDays(CloseDay - 1);
        }
    }

    public WindowState StateOn(DateOnly today) =>
        today < Opens ? WindowState.NotYetOpen : today <= Closes ? WindowState.Open : WindowState.Closed;

    public bool IsFrozenOn(DateOnly today) => StateOn(today) == WindowState.Closed;
}

/// <summary>
/// The sampling of claims for review (抽查): every claim whose fund amount reaches <paramref name="AmountAtLeast"/>, plus
/// a random <paramref name="Percent"/> of the others. "Random" is a hash of the seed and the claim id, so the same seed
/// picks the same claims whatever their order or the moment (an auditor can repeat the draw).
/// </summary>
public sealed record ClaimSampling(decimal Percent, decimal? AmountAtLeast, string Seed)
{
    public bool Picks(Guid claimId, decimal fundAmount)
    {
        if (AmountAtLeast is { } threshold && fundAmount >= threshold)
            return true;
        if (Percent <= 0)
            return false;
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Seed + "|" + claimId.ToString("D")));
        var draw = BitConverter.ToUInt32(digest, 0) / ((double)uint.MaxValue + 1); // [0, 1)
        return draw * 100 < (double)Percent;
    }
}
