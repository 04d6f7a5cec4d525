using System.Globalization;

namespace LtcInsurance.Domain.Common;

/// <summary>
/// The one way an amount of yuan typed by a person (a form, a query value, a cell of an imported file) becomes a number,
/// whatever the UI language or the server's culture: ASCII digits, optionally a point and 1–6 decimals ("12", "12.5",
/// "12.50"). No sign, exponent, currency sign or space inside. Thousands separators only where the caller allows them
/// (spreadsheets write "8,123.45"), and then only as real groups of three: "1,0.00" is an error, never 10.00, and so is
/// "1,00" or "1.000,00". More than two decimals parse (up to six), so the use case can say "最多两位小数".
/// </summary>
public static class AmountText
{
    /// <summary>Longest text considered (beyond any amount of the scheme).</summary>
    public const int MaxLength = 32;

    /// <summary>Most decimals parsed; the use cases refuse more than two with their own message.</summary>
    public const int MaxDecimals = 6;

    /// <summary>The amount, or null when <paramref name="text"/> is not one (see the class).</summary>
    public static decimal? Parse(string? text, bool allowThousandsSeparators = false) =>
        TryParse(text, out var amount, allowThousandsSeparators) ? amount : null;

    public static bool TryParse(string? text, out decimal amount, bool allowThousandsSeparators = false)
    {
        amount = 0m;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
            return false;
        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? trimmed : trimmed[..point];
        var fraction = point < 0 ? "" : trimmed[(point + 1)..];
        if (point >= 0 && (fraction.Length is 0 or > MaxDecimals || !fraction.All(char.IsAsciiDigit)))
            return false;
        if (allowThousandsSeparators && whole.Contains(',', StringComparison.Ordinal))
        {
            var groups = whole.Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3) || !groups.All(g => g.All(char.IsAsciiDigit)))
                return false;
            whole = string.Concat(groups);
        }

        if (whole.Length == 0 || whole.Length > 20 || !whole.All(char.IsAsciiDigit))
            return false;
        amount = decimal.Parse(point < 0 ? whole : whole + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }
}
