namespace LtcInsurance.Domain;

/// <summary>
/// Yuan amounts are plain decimals; this class holds the one rounding rule of the product
/// (0.01 yuan, half away from zero, 四舍五入) and the cent-exact allocation used to split a rounded
/// total over lines.
/// </summary>
public static class Money
{
    /// <summary>Rounds a computed amount once to 0.01 yuan, half away from zero.</summary>
    public static decimal Round(decimal yuan) =>
        decimal.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Splits <paramref name="total"/> (already rounded to cents) over <paramref name="weights"/> in
    /// proportion, by the largest-remainder method, so the parts are whole cents and sum exactly to
    /// the total. Ties go to the earlier index so the split is deterministic.
    /// </summary>
    public static IReadOnlyList<decimal> Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (total != Round(total))
        {
            throw new ArgumentException("total must be whole cents", nameof(total));
        }

        var parts = new decimal[weights.Count];
        var weightSum = weights.Sum();
        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("weights must not be negative", nameof(weights));
        }

        if (weightSum == 0)
        {
            if (total != 0)
            {
                throw new ArgumentException("cannot allocate a non-zero total over zero weights", nameof(total));
            }

            return parts;
        }

        var totalCents = total * 100m;
        var fractions = new decimal[weights.Count];
        var allocatedCents = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = totalCents * weights[i] / weightSum;
            var whole = decimal.Floor(exact);
            parts[i] = whole;
            fractions[i] = exact - whole;
            allocatedCents += whole;
        }

        var remainder = (int)(totalCents - allocatedCents);
        foreach (var i in Enumerable.Range(0, weights.Count)
                     .OrderByDescending(i => fractions[i])
                     .ThenBy(i => i)
                     .Take(remainder))
        {
            parts[i] += 1m;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] /= 100m;
        }

        return parts;
    }
}
