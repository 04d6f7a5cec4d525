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

    public static string Json(PolicyEvaluation evaluation) =>
        JsonSerializer.Serialize(
            new
            {
                steps = evaluation.Trace.Select(t => new
                {
                    t.Rule, t.Clause, t.Description, Parameters = t.Parameters.Select(Parameter), t.Inputs, t.Result,
                }),
                parameters = evaluation.ParametersUsed.Select(Parameter),
            },
            Options);

    // ResolvedParameter's typed accessors throw for other kinds, so only its plain fields are written.
    private static object Parameter(ResolvedParameter p) =>
        new { p.Name, p.Clause, p.Unit, p.Value, p.EffectiveFrom, p.Source, p.Version };
}
