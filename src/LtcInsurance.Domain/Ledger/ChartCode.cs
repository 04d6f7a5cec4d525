using System.Text.RegularExpressions;

namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// How a tenant's admin writes an account code: four digits, detail accounts continued by "." and two digits
/// (5301, 1101.07). The usual layout of social-insurance fund charts: the first digit is the element.
/// </summary>
public static partial class ChartCode
{
    public static bool IsWellFormed(string? code) => code is not null && Pattern().IsMatch(code);

    /// <summary>The element a well-formed code belongs to, by its first digit.</summary>
    public static AccountType TypeOf(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return code[0] switch
        {
            '1' => AccountType.Asset,
            '2' => AccountType.Liability,
            '3' => AccountType.Equity,
            '4' => AccountType.Income,
            _ => AccountType.Expense,
        };
    }

    /// <summary>The account a detail code continues (1101.07 → 1101), or null for a four-digit code.</summary>
    public static string? ParentOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.LastIndexOf('.') is var dot and > 0 ? code[..dot] : null;
    }

    /// <summary>The element's Chinese name, as the chart page and its messages write it.</summary>
    public static string TypeName(AccountType type) => type switch
    {
        AccountType.Asset => "资产",
        AccountType.Liability => "负债",
        AccountType.Equity => "净资产",
        AccountType.Income => "收入",
        _ => "支出",
    };

    [GeneratedRegex(@"^[1-5][0-9]{3}(\.[0-9]{2})*$")]
    private static partial Regex Pattern();
}
