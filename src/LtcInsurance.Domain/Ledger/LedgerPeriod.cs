using System.Globalization;

namespace LtcInsurance.Domain.Ledger;

/// <summary>An accounting period: one calendar month. Written <c>yyyy-MM</c>.</summary>
public readonly record struct LedgerPeriod : IComparable<LedgerPeriod>
{
    public LedgerPeriod(int year, int month)
    {
        if (year is < 1900 or > 9999 || month is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(month), $"无效会计期间 / invalid period {year}-{month}");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public static LedgerPeriod Of(DateOnly date) => new(date.Year, date.Month);

    public LedgerPeriod Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public int CompareTo(LedgerPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(LedgerPeriod left, LedgerPeriod right) => left.CompareTo(right) < 0;
    public static bool operator >(LedgerPeriod left, LedgerPeriod right) => left.CompareTo(right) > 0;
    public static bool operator <=(LedgerPeriod left, LedgerPeriod right) => left.CompareTo(right) <= 0;
    public static bool operator >=(LedgerPeriod left, LedgerPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static LedgerPeriod Parse(string text)
    {
        if (text is { Length: 7 } && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            return new LedgerPeriod(y, m);
        throw new FormatException($"会计期间格式应为 yyyy-MM / period must be yyyy-MM: {text}");
    }
}
