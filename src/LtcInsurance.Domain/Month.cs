using System.Globalization;

namespace LtcInsurance.Domain;

/// <summary>A calendar month (YYYY-MM), the unit of settlement and of monthly contributions.</summary>
public readonly record struct Month : IComparable<Month>
{
    public Month(int year, int number)
    {
        if (year is < 1 or > 9999 || number is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(number), $"not a month: {year}-{number}");
        }

        Year = year;
        Number = number;
    }

    public int Year { get; }

    public int Number { get; }

    public DateOnly FirstDay => new(Year, Number, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }

        month = Of(first);
        return true;
    }

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Number;

    public int CompareTo(Month other) => FirstDay.CompareTo(other.FirstDay);

    public static bool operator <(Month left, Month right) => left.CompareTo(right) < 0;

    public static bool operator >(Month left, Month right) => left.CompareTo(right) > 0;

    public static bool operator <=(Month left, Month right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Month left, Month right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}
