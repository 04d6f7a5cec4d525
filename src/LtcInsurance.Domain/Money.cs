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
        var values = weights as decimal[] ?? [.. weights];
        var parts = new decimal[values.Length];
        AllocateInto(total, values, parts);
        return parts;
    }

    /// <summary>
    /// <see cref="Allocate"/> into a caller's buffer (<paramref name="parts"/>, as long as <paramref name="weights"/>),
    /// without allocating for up to 128 weights: the bulk settlement path uses it, the traced path through
    /// <see cref="Allocate"/>, so both split alike.
    /// </summary>
    public static void AllocateInto(decimal total, ReadOnlySpan<decimal> weights, Span<decimal> parts)
    {
        if (parts.Length != weights.Length)
        {
            throw new ArgumentException("parts must be as long as weights", nameof(parts));
        }

        if (total != Round(total))
        {
            throw new ArgumentException("total must be whole cents", nameof(total));
        }

        var weightSum = 0m;
        var negative = false;
        foreach (var weight in weights)
        {
            weightSum += weight;
            negative |= weight < 0;
        }

        if (negative)
        {
            throw new ArgumentException("weights must not be negative", nameof(weights));
        }

        if (weightSum == 0)
        {
            if (total != 0)
            {
                throw new ArgumentException("cannot allocate a non-zero total over zero weights", nameof(total));
            }

            parts.Clear();
            return;
        }

        var totalCents = total * 100m;
        Span<decimal> fractions = weights.Length <= 128 ? stackalloc decimal[weights.Length] : new decimal[weights.Length];
        var allocatedCents = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = totalCents * weights[i] / weightSum;
            var whole = decimal.Floor(exact);
            parts[i] = whole;
            fractions[i] = exact - whole;
            allocatedCents += whole;
        }

        // one more cent to each of the `remainder` largest fractions, ties to the earlier index
        // (fractions lie in [0, 1): a part that got its cent is marked -1)
        var remainder = (int)(totalCents - allocatedCents);
        for (var r = 0; r < remainder; r++)
        {
            var best = -1;
            for (var i = 0; i < fractions.Length; i++)
            {
                if (fractions[i] >= 0 && (best < 0 || fractions[i] > fractions[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            parts[best] += 1m;
            fractions[best] = -1m;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] /= 100m;
        }
    }
}
