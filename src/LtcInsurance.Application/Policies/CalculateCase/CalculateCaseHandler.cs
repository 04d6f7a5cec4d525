using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Policies.CalculateCase;

/// <summary>
/// Reads the case with the same <see cref="CaseReader"/> as `ltc calc` and evaluates it with the same
/// <see cref="PolicyCalculator"/>, over the tenant's shipped values and approved parameter versions. Every refusal of the engine is an outcome with its code, never an exception:
/// a refused case is an answer.
/// </summary>
internal sealed class CalculateCaseHandler(IPolicyEngine engine, ICurrentTenant tenant, TimeProvider clock)
    : IRequestHandler<CalculateCaseQuery, CalculationOutcome?>
{
    public async Task<CalculationOutcome?> Handle(CalculateCaseQuery request, CancellationToken cancellationToken) =>
        tenant.TenantId is { } tenantId
            ? Calculate(tenantId, request, await engine.ForTenantAsync(tenantId, null, cancellationToken))
            : null;

    private CalculationOutcome Calculate(string tenantId, CalculateCaseQuery request, PolicyCalculator calculator)
    {
        var kind = request.Kind.Trim();
        JsonNode? input;
        try
        {
            input = JsonNode.Parse(request.Input ?? string.Empty, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"（第 {line + 1} 行附近）" : string.Empty;
            return CalculationOutcome.Failure(kind, ErrorCodes.InvalidInput, $"案例输入不是有效的 JSON{where}，请检查括号、逗号和引号");
        }

        if (input is not JsonObject inputObject)
            return CalculationOutcome.Failure(kind, ErrorCodes.InvalidInput, "案例输入须为一个 JSON 对象（以 { 开始）");

        var json = new JsonObject
        {
            ["kind"] = kind,
            // the signed-in user's tenant only: whatever the typed input says about a tenant is not read
            ["tenant"] = tenantId,
            ["input"] = inputObject,
        };
        if (!string.IsNullOrWhiteSpace(request.AsOf))
            json["asOf"] = request.AsOf.Trim();

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        try
        {
            var policyCase = new CaseReader(calculator, today).Read(json);
            return new CalculationOutcome(kind, calculator.Evaluate(policyCase), null, null);
        }
        catch (PolicyException e)
        {
            return CalculationOutcome.Failure(kind, e.Code, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException or InvalidCastException)
        {
            // a malformed value deep in the case (same treatment as `ltc calc`)
            return CalculationOutcome.Failure(kind, ErrorCodes.InvalidInput, string.Format(CultureInfo.InvariantCulture, "输入无效：{0}", e.Message));
        }
    }
}
