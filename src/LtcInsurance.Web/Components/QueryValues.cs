using System.Globalization;
using LtcInsurance.Domain.Common;

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
    /// An amount of yuan as a form or a filter sends it, through the shared <see cref="AmountText"/>: digits, optionally a
    /// point and decimals, whatever the UI language. "1,0.00", "1,000", "-1" and "1e3" are errors (null), never 10.00.
    /// </summary>
    public static decimal? Amount(string? text) => AmountText.Parse(text);

    /// <summary>A Guid in its usual 36-character form; null for anything else.</summary>
    public static Guid? Id(string? text) =>
        Guid.TryParseExact(text?.Trim(), "D", out var id) ? id : null;
}
