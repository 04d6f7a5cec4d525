using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Web.Policies;

/// <summary>A tenant's scheme as the explorer shows it: the document, when it took effect, its parameters.</summary>
public sealed record SchemeOverview(string Tenant, string Document, DateOnly? Start, IReadOnlyList<ParameterDefinition> Parameters);

/// <summary>One run of the explorer's form: either an evaluation or a refusal with the engine's code.</summary>
public sealed record CalculationOutcome(string Kind, PolicyEvaluation? Evaluation, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => Evaluation is not null;

    public static CalculationOutcome Failure(string kind, string code, string message) => new(kind, null, code, message);
}

/// <summary>
/// The read-only policy explorer behind /policies: lists a tenant's parameters and runs a case through the
/// same <see cref="PolicyCalculator"/> and <see cref="CaseReader"/> as `ltc calc`. The tenant is always an
/// argument supplied by the caller from the signed-in user, never read from the case the user typed.
/// </summary>
public sealed class PolicyExplorer(PolicyCalculator calculator, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Kinds =
        [CaseKinds.Eligibility, CaseKinds.Contribution, CaseKinds.Assessment, CaseKinds.Settlement, CaseKinds.Entitlement];

    public SchemeOverview? Overview(string tenant)
    {
        if (!PolicyCalculator.Schemes.TryGetValue(tenant, out var scheme))
            return null;
        var parameters = calculator.ListParameters(tenant);
        var start = parameters.FirstOrDefault(p => p.Name == CommonParameters.SchemeStart)?.Values
            .Select(v => v.Value).OfType<DateOnly>().FirstOrDefault();
        return new SchemeOverview(tenant, scheme.Title, start, parameters);
    }

    public CaseExample Example(string tenant, string kind)
    {
        // The example scores with the instrument the tenant actually uses.
        var instrument = calculator.ListParameters(tenant)
            .FirstOrDefault(p => p.Name == CommonParameters.AssessmentInstrument)?.Values
            .Select(v => v.Value).OfType<string>().LastOrDefault() ?? "national2021";
        return CaseExamples.For(tenant, kind, instrument);
    }

    /// <summary>
    /// Evaluates <paramref name="inputJson"/> (the case's input object) as a case of <paramref name="kind"/> for
    /// <paramref name="tenant"/>. Every refusal comes back as an outcome with a code, never as an exception.
    /// </summary>
    public CalculationOutcome Calculate(string tenant, string? kind, string? inputJson, string? asOf)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var caseKind = kind?.Trim() ?? string.Empty;
        JsonNode? input;
        try
        {
            input = JsonNode.Parse(inputJson ?? string.Empty, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"（第 {line + 1} 行附近）" : string.Empty;
            return CalculationOutcome.Failure(caseKind, ErrorCodes.InvalidInput, $"案例输入不是有效的 JSON{where}，请检查括号、逗号和引号");
        }

        if (input is not JsonObject inputObject)
            return CalculationOutcome.Failure(caseKind, ErrorCodes.InvalidInput, "案例输入须为一个 JSON 对象（以 { 开始）");

        var json = new JsonObject
        {
            ["kind"] = caseKind,
            // from the signed-in user only: whatever the typed input says about a tenant is not read
            ["tenant"] = tenant,
            ["input"] = inputObject,
        };
        if (!string.IsNullOrWhiteSpace(asOf))
            json["asOf"] = asOf.Trim();

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        try
        {
            var policyCase = new CaseReader(calculator, today).Read(json);
            return new CalculationOutcome(caseKind, calculator.Evaluate(policyCase), null, null);
        }
        catch (PolicyException e)
        {
            return CalculationOutcome.Failure(caseKind, e.Code, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException or InvalidCastException)
        {
            // a malformed value deep in the case (same treatment as `ltc calc`)
            return CalculationOutcome.Failure(caseKind, ErrorCodes.InvalidInput, string.Format(CultureInfo.InvariantCulture, "输入无效：{0}", e.Message));
        }
    }
}
