using System.Globalization;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Web.Ledger;

/// <summary>How the ledger pages write and read amounts, periods and dates (one format, whatever the UI language).</summary>
public static class LedgerText
{
    /// <summary>Yuan with thousands separators and fen, e.g. 1,234.50.</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A blank cell for zero, as account books are written.</summary>
    public static string MoneyOrBlank(decimal amount) => amount == 0m ? "" : Money(amount);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(LedgerPeriod? period) => period?.ToString() ?? "";

    /// <summary>A period from a query string (yyyy-MM, what &lt;input type="month"&gt; sends); anything else is no period.</summary>
    public static LedgerPeriod? ParsePeriod(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return LedgerPeriod.Parse(text.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>A moment in Beijing time (all five cities keep it), e.g. 2026-06-03 14:05:09 (UTC+8).</summary>
    public static string ChinaTime(DateTimeOffset moment) =>
        moment.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC+8)";
}
