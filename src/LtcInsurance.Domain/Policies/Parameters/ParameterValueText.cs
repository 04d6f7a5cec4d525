using System.Globalization;
using System.Text.RegularExpressions;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>
/// The canonical text of a parameter value per <see cref="ParameterKind"/>, as stored and typed by admins, and its strict
/// reading: amount <c>12.50</c> (≥ 0, at most two decimals), ratio <c>0.70</c> (0 to 1, at most four decimals), count
/// <c>6</c> (a whole number ≥ 0), date <c>2027-01-01</c>, a code, a comma-separated list of codes, or
/// <c>true</c>/<c>false</c>. Codes the engine knows by name (benefit-start strategies, instruments, Barthel bands,
/// line categories, person statuses, region code prefixes) accept only those codes.
/// </summary>
public static partial class ParameterValueText
{
    /// <summary>The field named in errors (the value as typed).</summary>
    public const string Field = "取值";

    private static readonly IReadOnlyList<string> BarthelBands = ["independent", "mild", "moderate", "severe"];

    /// <summary>The codes a text or list parameter accepts, when the engine acts on them by name; null: any well-formed code.</summary>
    public static IReadOnlyList<string>? AllowedCodes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stem = name.Split('.')[0];
        return stem switch
        {
            CommonParameters.BenefitStartRule =>
            [
                CommonParameters.StartDayAfterConclusion, CommonParameters.StartDayAfterPublicity,
                CommonParameters.StartWhenServiceStartsAfterPublicity,
            ],
            CommonParameters.AssessmentInstrument => AssessmentInstrument.BuiltInIds,
            CommonParameters.BarthelBenefitBands => BarthelBands,
            "coveredCategories" => LineCategories.All,
            "coveredGroups" => [.. PersonStatus.Terms.Codes],
            _ => Entitlement.EntitlementParameters.AllowedCodes(name),
        };
    }

    /// <summary>Reads <paramref name="text"/> as a value of <paramref name="definition"/>; null with a Chinese error when it is not one.</summary>
    public static object? TryParse(ParameterDefinition definition, string? text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(definition);
        error = null;
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            error = $"{Field}不能为空";
            return null;
        }

        if (value.Length > 2000)
        {
            error = $"{Field}过长（最多 2000 个字符）";
            return null;
        }

        switch (definition.Kind)
        {
            case ParameterKind.Amount:
                if (AmountPattern().IsMatch(value) && decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                    return amount;
                error = $"{Field}「{value}」不是有效金额：须为不小于 0、最多两位小数的数字（如 12.50），单位 {definition.Unit}";
                return null;
            case ParameterKind.Ratio:
                if (RatioPattern().IsMatch(value) && decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ratio) && ratio <= 1m)
                    return ratio;
                error = $"{Field}「{value}」不是有效比例：须为 0 到 1 之间、最多四位小数的数字（如 0.70 表示 70%）";
                return null;
            case ParameterKind.Count:
                if (CountPattern().IsMatch(value))
                    return decimal.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                error = $"{Field}「{value}」不是有效数量：须为不小于 0 的整数（如 6）";
                return null;
            case ParameterKind.Date:
                if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return date;
                error = $"{Field}「{value}」不是有效日期：须为 YYYY-MM-DD（如 2027-01-01）";
                return null;
            case ParameterKind.Flag:
                if (value is "true" or "false")
                    return value == "true";
                error = $"{Field}「{value}」不是有效开关：须为 true 或 false";
                return null;
            case ParameterKind.Text:
                return Code(definition, value, out error);
            case ParameterKind.TextList:
                var items = value.Split(',', StringSplitOptions.TrimEntries);
                var list = new List<string>();
                foreach (var item in items)
                {
                    if (Code(definition, item, out error) is not { } code)
                        return null;
                    if (list.Contains(code))
                    {
                        error = $"{Field}中「{code}」重复";
                        return null;
                    }

                    list.Add(code);
                }

                return list;
            default:
                error = $"参数 {definition.Name} 的类型无法设置";
                return null;
        }
    }

    /// <summary>The canonical text of a value of <paramref name="kind"/> (the form <see cref="TryParse"/> reads).</summary>
    public static string Format(ParameterKind kind, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var c = CultureInfo.InvariantCulture;
        return (kind, value) switch
        {
            (ParameterKind.Amount, decimal d) => d.ToString("0.00", c),
            (ParameterKind.Ratio, decimal d) => d.ToString("0.00##", c),
            (ParameterKind.Count, decimal d) => d.ToString("0", c),
            (_, DateOnly d) => d.ToString("yyyy-MM-dd", c),
            (_, bool b) => b ? "true" : "false",
            (_, IEnumerable<string> list) when value is not string => string.Join(',', list),
            (_, IFormattable f) => f.ToString(null, c),
            _ => value.ToString() ?? string.Empty,
        };
    }

    private static string? Code(ParameterDefinition definition, string value, out string? error)
    {
        error = null;
        if (definition.Name.EndsWith("AreaCodes", StringComparison.Ordinal))
        {
            if (AreaPattern().IsMatch(value))
                return value;
            error = $"{Field}「{value}」不是有效的行政区划代码或前缀：须为 2 到 6 位数字";
            return null;
        }

        if (CommonParameters.AllowedCodes(definition.Name) is { } allowed)
        {
            if (allowed.Contains(value, StringComparer.Ordinal))
                return value;
            error = $"{Field}「{value}」不是参数 {definition.Name} 可用的代码（可用：{string.Join("、", allowed)}）";
            return null;
        }

        if (CodePattern().IsMatch(value))
            return value;
        error = $"{Field}「{value}」不是有效代码：须为小写字母、数字、下划线、连字符或点";
        return null;
    }

    [GeneratedRegex(@"^\d{1,9}(\.\d{1,2})?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[01](\.\d{1,4})?$")]
    private static partial Regex RatioPattern();

    [GeneratedRegex(@"^\d{1,6}$")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^\d{2,6}$")]
    private static partial Regex AreaPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.\-]{0,63}$")]
    private static partial Regex CodePattern();
}
