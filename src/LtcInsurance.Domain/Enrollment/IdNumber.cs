using System.Globalization;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// A resident identity card number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date,
/// 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
/// An instance is always valid; use <see cref="TryParse"/> for user input.
/// </summary>
public sealed record IdNumber
{
    // ISO 7064 MOD 11-2 weights are 2^(17-i) mod 11 for positions 0..16.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The 18 characters, check character upper-case.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>The administrative division code of the place of first registration.</summary>
    public string RegionCode => Value[..6];

    /// <summary>Odd sequence digit (position 17) is a man, even a woman.</summary>
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Display form that keeps the first four and last four characters, e.g. 3201**********1234.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 4), new string('*', 10), Value.AsSpan(14, 4));

    public override string ToString() => Value;

    public static IdNumber Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Validates length, digits, birth date and check character. <paramref name="error"/> is Chinese for the UI.</summary>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IdNumber? id,
        out string? error)
    {
        id = null;
        var text = value?.Trim().ToUpperInvariant() ?? "";
        if (text.Length != 18)
        {
            error = "身份证号码应为18位";
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                error = "身份证号码前17位应为数字";
                return false;
            }
        }

        if (text[0] == '0')
        {
            error = "身份证号码地址码无效";
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var birthDate) || birthDate.Year < 1800)
        {
            error = "身份证号码中的出生日期无效";
            return false;
        }

        if (text[17] != CheckCharacter(text.AsSpan(0, 17)))
        {
            error = "身份证号码校验位不正确";
            return false;
        }

        id = new IdNumber(text, birthDate);
        error = null;
        return true;
    }

    /// <summary>Builds a valid number from its parts (demo data, tests).</summary>
    public static IdNumber Create(string regionCode, DateOnly birthDate, int sequence)
    {
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
            throw new ArgumentException("region code must be 6 digits", nameof(regionCode));
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{birthDate:yyyyMMdd}{sequence:000}");
        return Parse(first17 + CheckCharacter(first17));
    }

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("17 digits expected", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
