using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Web.Policies;

/// <summary>
/// How engine values read in the calculator: money with two decimals and 元, dates as yyyy-MM-dd, codes and keys by
/// their Chinese names (<see cref="PolicyLabels"/>). Policy figures are shown exactly as stored (a rate of 0.0015 stays
/// 0.0015). <paramref name="parameterLabels"/> names the tenant's parameters; <paramref name="instrument"/> is the
/// assessment instrument whose grades a result speaks of.
/// </summary>
public sealed class PolicyDisplay(IReadOnlyDictionary<string, string> parameterLabels, string? instrument = null)
{
    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IReadOnlyDictionary<string, string> ParameterLabels { get; } =
        parameterLabels.ToDictionary(p => p.Key, p => PolicyLabels.Localize(p.Value));

    public static string Yuan(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture) + " 元";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A dated value's start: the beginning of time reads as "since the scheme began".</summary>
    public static string EffectiveFrom(DateOnly from) => from == DateOnly.MinValue ? "自始" : Date(from);

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>A trace key, a contract field or a parameter name in Chinese.</summary>
    public string Key(string key) => PolicyLabels.Key(key, ParameterLabels);

    /// <summary>A parameter's Chinese label (its name when the tenant does not declare it).</summary>
    public string ParameterLabel(string name) =>
        ParameterLabels.TryGetValue(name, out var label) ? label : PolicyLabels.Key(name);

    /// <summary>One key = value of a trace step's inputs or result.</summary>
    public string Entry(string key, object? value) => key switch
    {
        // indices of the month's lines, shown as the line numbers of the result table
        "rejectedLines" when value is IEnumerable<int> indices =>
            indices.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)).ToList() is { Count: > 0 } numbers
                ? "第 " + string.Join("、", numbers) + " 条"
                : "无",
        "grades" when value is IDictionary grades => Pairs(grades, grade: true),
        // codes shared by two vocabularies (employee, resident, none): the key says which one is meant
        "medicalInsurance" when value is string code && MedicalInsuranceSchemes.Terms.TryParse(code, out var scheme) => scheme.ChineseName(),
        "employment" when value is string code && EmploymentStatuses.Terms.TryParse(code, out var status) => status.ChineseName(),
        _ => Value(value),
    };

    /// <summary>Any value found in a parameter, a trace input or a trace result.</summary>
    public string Value(object? value) => value switch
    {
        null => "—",
        string text => PolicyLabels.Code(text),
        bool flag => YesNo(flag),
        DateOnly date => Date(date),
        IFormattable number when value is decimal or int or long or double => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary pairs => Pairs(pairs, grade: false),
        IEnumerable items => items.Cast<object?>().Select(Value).ToList() is { Count: > 0 } texts ? string.Join("、", texts) : "无",
        _ => JsonSerializer.Serialize(value, value.GetType(), Compact),
    };

    private string Pairs(IDictionary pairs, bool grade)
    {
        // enumerated as an IDictionary, entries come as DictionaryEntry whatever the generic types are
        var texts = new List<string>();
        foreach (DictionaryEntry entry in pairs)
        {
            var key = entry.Key as string ?? Value(entry.Key);
            var value = grade && instrument is not null && entry.Value is string g
                ? PolicyLabels.Grade(instrument, key, g)
                : Value(entry.Value);
            texts.Add($"{Key(key)}：{value}");
        }

        return texts.Count == 0 ? "无" : string.Join("；", texts);
    }

    /// <summary>A parameter used by a step: its label and value, the unit in Chinese.</summary>
    public string Parameter(ResolvedParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var unit = PolicyLabels.Unit(parameter.Unit);
        var withUnit = parameter.Value is decimal or int && unit is "元/日" or "元/月" or "元/人/年" or "元/年" or "月" or "岁"
            ? $"{Value(parameter.Value)} {unit}"
            : Value(parameter.Value);
        return $"{ParameterLabel(parameter.Name)} = {withUnit}";
    }

    /// <summary>Where the value came from and since when.</summary>
    public static string Provenance(ResolvedParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var source = PolicyLabels.Code(parameter.Source) + (parameter.Version is { } version ? $"（第 {version} 版）" : "");
        return parameter.EffectiveFrom == DateOnly.MinValue ? source : $"{source}，{EffectiveFrom(parameter.EffectiveFrom)} 起";
    }
}
