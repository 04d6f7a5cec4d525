using System.Text.Json;
using System.Text.Json.Serialization;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Application.Common.Policies;

/// <summary>
/// The engine's trace as stored with a bill (jsonb): each step with its clause, parameter values (with the stored version
/// that supplied each, when one did), inputs and result.
/// </summary>
public static class TraceDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(PolicyEvaluation evaluation) => Json(evaluation, null);

    /// <summary>
    /// The trace with the records the case's inputs came from (e.g. the contribution bases a bill used: kind, amount,
    /// months, source, who recorded them and when), under <c>bases</c>; nothing added when null or empty.
    /// </summary>
    public static string Json(PolicyEvaluation evaluation, IReadOnlyList<object>? bases) =>
        JsonSerializer.Serialize(
            new
            {
                steps = evaluation.Trace.Select(t => new
                {
                    t.Rule, t.Clause, t.Description, Parameters = t.Parameters.Select(Parameter), t.Inputs, t.Result,
                }),
                parameters = evaluation.ParametersUsed.Select(Parameter),
                bases = bases is { Count: > 0 } ? bases : null,
            },
            Options);

    // ResolvedParameter's typed accessors throw for other kinds, so only its plain fields are written.
    private static object Parameter(ResolvedParameter p) =>
        new { p.Name, p.Clause, p.Unit, p.Value, p.EffectiveFrom, p.Source, p.Version };
}
