namespace LtcInsurance.Application.Ledger;

/// <summary>The outcome of a change to the chart: done, or refused with a Chinese message saying why.</summary>
public sealed record ChartChange(bool Succeeded, string? Refusal = null, string? Code = null)
{
    public static ChartChange Done(string code) => new(true, null, code);

    public static ChartChange Refused(string message) => new(false, message);
}

/// <summary>Limits of an account as the chart keeps it.</summary>
internal static class ChartLimits
{
    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 64;
    public const int MaxRegionLength = 32;

    public static readonly string NameMessage = $"科目名称不能为空，且不超过 {MaxNameLength} 个字。";
}
