namespace LtcInsurance.Domain.Supervision;

/// <summary>
/// The robust z-score of a value against a sample (Iglewicz and Hoaglin's modified z): <c>0.6745 (x − median) / MAD</c>,
/// where MAD is the median absolute deviation. A few wild values in the sample do not hide another, as they would with a
/// mean and standard deviation. A sample with MAD 0 (most values equal) scores a value above the median as far above.
/// </summary>
public static class RobustZ
{
    public const decimal Consistency = 0.6745m;

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("empty sample", nameof(values));
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The score with the sample's median and MAD; <see cref="decimal.MaxValue"/> when MAD is 0 and the value is above the median.</summary>
    public static (decimal Z, decimal Median, decimal Mad) Score(decimal value, IReadOnlyList<decimal> sample)
    {
        var median = Median(sample);
        var mad = Median(sample.Select(v => Math.Abs(v - median)).ToList());
        if (mad == 0)
            return (value > median ? decimal.MaxValue : 0, median, 0);
        return (decimal.Round(Consistency * (value - median) / mad, 2, MidpointRounding.AwayFromZero), median, mad);
    }
}
