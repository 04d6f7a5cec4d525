using System.Globalization;

namespace LtcInsurance.Domain;

/// <summary>A contribution period: a whole year ("2027") or one month ("2027-03").</summary>
public sealed record ContributionPeriod(DateOnly Start, DateOnly End, bool IsYear)
{
    public static bool TryParse(string? text, out ContributionPeriod period)
    {
        period = null!;
        if (text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            period = new ContributionPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), true);
            return true;
        }

        if (Month.TryParse(text, out var month))
        {
            period = new ContributionPeriod(month.FirstDay, month.LastDay, false);
            return true;
        }

        return false;
    }

    public int Year => Start.Year;

    public override string ToString() => IsYear
        ? Start.Year.ToString("D4", CultureInfo.InvariantCulture)
        : Month.Of(Start).ToString();
}
