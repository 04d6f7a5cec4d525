using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Policies.GetCaseExample;

internal sealed class GetCaseExampleHandler(IPolicyEngine engine, ICurrentTenant tenant)
    : IRequestHandler<GetCaseExampleQuery, CaseExample?>
{
    public async Task<CaseExample?> Handle(GetCaseExampleQuery request, CancellationToken cancellationToken)
    {
        if (tenant.TenantId is not { } tenantId)
            return null;

        // the example scores with the instrument the tenant actually uses
        var calculator = await engine.ForTenantAsync(tenantId, null, cancellationToken);
        var instrument = calculator.ListParameters(tenantId)
            .FirstOrDefault(p => p.Name == CommonParameters.AssessmentInstrument)?.Values
            .Select(v => v.Value).OfType<string>().LastOrDefault() ?? "national2021";
        return CaseExamples.For(tenantId, request.Kind, instrument);
    }
}
