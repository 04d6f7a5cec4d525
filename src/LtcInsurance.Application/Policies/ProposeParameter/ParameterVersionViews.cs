using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Application.Policies.ProposeParameter;

/// <summary>Shared by the parameter use cases: a stored version as shown, a kind's name.</summary>
internal static class ParameterVersionViews
{
    public static ParameterVersionView Of(StoredParameterVersion v) =>
        new(v.Name, v.Version, v.Value, v.EffectiveFrom, v.EffectiveTo, v.Unit, v.SourceDocument, v.Reason, v.ProposedBy,
            v.ProposedAt, v.Status, v.DecidedBy, v.DecidedAt, v.DecisionNote, v.Demo);

    /// <summary>amount, ratio, count, date, text, list or flag.</summary>
    public static string KindName(ParameterKind kind) => kind switch
    {
        ParameterKind.Amount => "amount",
        ParameterKind.Ratio => "ratio",
        ParameterKind.Count => "count",
        ParameterKind.Date => "date",
        ParameterKind.Text => "text",
        ParameterKind.TextList => "list",
        ParameterKind.Flag => "flag",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The canonical text of a shipped value, null when the document leaves it unset.</summary>
    public static string? Text(ParameterKind kind, object? value) => value is null ? null : ParameterValueText.Format(kind, value);
}
