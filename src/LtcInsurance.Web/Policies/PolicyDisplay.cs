using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Web.Policies;

/// <summary>
/// How engine values read on the explorer: money as ¥ with two decimals, dates as yyyy-MM-dd, codes with
/// their Chinese names. Policy figures are shown exactly as stored (a rate of 0.0015 stays 0.0015).
/// </summary>
public static class PolicyDisplay
{
    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Dictionary<string, string> PayerNames = new()
    {
        [Payers.Individual] = "个人",
        [Payers.Employer] = "用人单位",
        [Payers.MedicalFund] = "医保基金划转",
        [Payers.Fiscal] = "财政补助",
        [Payers.FiscalSubsidy] = "财政资助（困难人员）",
    };

    private static readonly Dictionary<string, string> ReasonNames = new()
    {
        [RejectionReasons.NotEntitled] = "不在待遇享受期内",
        [RejectionReasons.Hospitalized] = "住院期间暂停待遇",
        [RejectionReasons.NotCoveredCategory] = "不属基金支付范围",
        [RejectionReasons.MonthlyLimit] = "超出月度限额",
        [RejectionReasons.AnnualCap] = "超出年度最高支付限额",
    };

    private static readonly Dictionary<string, string> SourceNames = new()
    {
        [ParameterSource.Default] = "文件默认值",
        [ParameterSource.Tenant] = "租户设置",
        [ParameterSource.Case] = "案例提供",
    };

    public static string PayerName(string payer) => PayerNames.TryGetValue(payer, out var name) ? name : payer;

    public static string ReasonName(string? reason) =>
        reason is null ? string.Empty : ReasonNames.TryGetValue(reason, out var name) ? name : reason;

    public static string SourceName(string source) => SourceNames.TryGetValue(source, out var name) ? name : source;

    public static string Yuan(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A dated value's start: the beginning of time reads as "since the scheme began".</summary>
    public static string EffectiveFrom(DateOnly from) => from == DateOnly.MinValue ? "自始" : Date(from);

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>Any value found in a parameter, a trace input or a trace result.</summary>
    public static string Value(object? value) => value switch
    {
        null => "—",
        string text => text,
        bool flag => YesNo(flag),
        DateOnly date => Date(date),
        IFormattable number when value is decimal or int or long or double => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary pairs => Pairs(pairs),
        IEnumerable items => items.Cast<object?>().Select(Value).ToList() is { Count: > 0 } texts ? string.Join("、", texts) : "—",
        _ => JsonSerializer.Serialize(value, value.GetType(), Compact),
    };

    private static string Pairs(IDictionary pairs)
    {
        // enumerated as an IDictionary, entries come as DictionaryEntry whatever the generic types are
        var texts = new List<string>();
        foreach (DictionaryEntry entry in pairs)
            texts.Add($"{Value(entry.Key)}: {Value(entry.Value)}");
        return texts.Count == 0 ? "—" : string.Join("；", texts);
    }

    public static string Parameter(ResolvedParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return $"{parameter.Name} = {Value(parameter.Value)}";
    }
}
