using System.Globalization;

namespace LtcInsurance.Web.Components;

/// <summary>
/// Numbers and ids from a query string, parsed strictly and invariantly. Pages take their query values as strings and
/// parse them here: Blazor fails the whole request (a 500) when a typed <c>[SupplyParameterFromQuery]</c> value does
/// not parse, and a URL is whatever someone typed. What does not parse is "not given", so the page shows its default.
/// </summary>
public static class QueryValues
{
    /// <summary>Beyond any real list (50 rows a page); also keeps (page − 1) × size far from overflowing.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>A page number 1…<see cref="MaxPage"/> (digits only); null for anything else.</summary>
    public static int? Page(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage
            ? page
            : null;

    /// <summary>A calendar year 1900…9999 (digits only); null for anything else.</summary>
    public static int? Year(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 9999
            ? year
            : null;

    /// <summary>
    /// An amount of yuan as a form sends it: digits, optionally a point and decimals ("12", "12.5", "12.50"), whatever
    /// the UI language. No thousands separators, signs, exponents or spaces inside: "1,0.00" is not 10.00 but an error
    /// (null), as is "1e3". More than two decimals parse (up to six), so the use case can say "最多两位小数".
    /// </summary>
    public static decimal? Amount(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 18)
            return null;
        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? trimmed : trimmed[..point];
        var fraction = point < 0 ? "" : trimmed[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (point >= 0 && fraction.Length is 0 or > 6) || !fraction.All(char.IsAsciiDigit))
            return null;
        return decimal.Parse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>A Guid in its usual 36-character form; null for anything else.</summary>
    public static Guid? Id(string? text) =>
        Guid.TryParseExact(text?.Trim(), "D", out var id) ? id : null;
}
