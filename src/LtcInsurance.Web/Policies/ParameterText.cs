using System.Globalization;
using LtcInsurance.Application.Policies.ProposeParameter;

namespace LtcInsurance.Web.Policies;

/// <summary>
/// How the parameter administration pages read a stored parameter value (its canonical text, see
/// <see cref="ProposeParameterCommand.Value"/>) and write one back from a form: amounts with their unit, flags as 是/否,
/// codes and lists of codes by their Chinese names. The raw text stays available in a tooltip.
/// </summary>
public static class ParameterText
{
    public const string Amount = "amount";
    public const string Ratio = "ratio";
    public const string Count = "count";
    public const string Date = "date";
    public const string Text = "text";
    public const string List = "list";
    public const string Flag = "flag";

    /// <summary>The topics in the order the pages show them (as the application groups parameters).</summary>
    public static readonly IReadOnlyList<string> Topics = ["scope", "funding", "assessment", "start", "payment", "other"];

    /// <summary>Where a topic comes in <see cref="Topics"/>; an unknown one last.</summary>
    public static int TopicOrder(string topic) =>
        Topics.Select((name, index) => (name, index)).FirstOrDefault(t => t.name == topic) is { name: not null } found ? found.index : Topics.Count;

    /// <summary>The value as a reader sees it: "12.50 元/日", "是", "生活照料、医疗护理"; "—" when there is none.</summary>
    public static string Display(string? value, string kind, string unit)
    {
        if (value is null)
            return "—";
        var unitText = PolicyLabels.Unit(unit);
        return kind switch
        {
            Flag => value.Trim() switch
            {
                "true" => "是",
                "false" => "否",
                var other => other,
            },
            List => string.Join("、", value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PolicyLabels.Code)),
            Text => PolicyLabels.Code(value),
            Amount or Count => $"{value} {unitText}".Trim(),
            _ => value,
        };
    }

    /// <summary>A stored decimal value ("0.70", "12.50") for a numeric field; null when it is not one.</summary>
    public static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>A number typed in a form, written as the use case reads it (invariant, as many decimals as typed).</summary>
    public static string? FromNumber(decimal? number, string kind) => number switch
    {
        null => null,
        { } n when kind == Amount => n.ToString("0.00##", CultureInfo.InvariantCulture),
        { } n when kind == Count => n.ToString("0.######", CultureInfo.InvariantCulture),
        { } n => n.ToString("0.##########", CultureInfo.InvariantCulture),
    };

    public static string FromDate(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static DateTime? ToDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToDateTime(TimeOnly.MinValue)
            : null;

    public static string Day(DateOnly date) => PolicyDisplay.EffectiveFrom(date);

    public static string Day(DateOnly? date) => date is { } d ? PolicyDisplay.EffectiveFrom(d) : "—";

    public static string Moment(DateTimeOffset? at) =>
        at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The resource key of a version's status chip (待审批, 已生效, 已驳回).</summary>
    public static string StatusKey(string status) => "Params_Status_" + status;

    public static MudBlazor.Color StatusColor(string status) => status switch
    {
        ParameterVersionStatus.Approved => MudBlazor.Color.Success,
        ParameterVersionStatus.Rejected => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Warning,
    };
}
