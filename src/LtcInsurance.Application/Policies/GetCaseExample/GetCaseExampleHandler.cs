using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Policies.GetCaseExample;

internal sealed class GetCaseExampleHandler(PolicyCalculator calculator, ICurrentTenant tenant)
    : IRequestHandler<GetCaseExampleQuery, CaseExample?>
{
    public Task<CaseExample?> Handle(GetCaseExampleQuery request, CancellationToken cancellationToken)
    {
        if (tenant.TenantId is not { } tenantId)
            return Task.FromResult<CaseExample?>(null);

        // the example scores with the instrument the tenant actually uses
        var instrument = calculator.ListParameters(tenantId)
            .FirstOrDefault(p => p.Name == CommonParameters.AssessmentInstrument)?.Values
            .Select(v => v.Value).OfType<string>().LastOrDefault() ?? "national2021";
        return Task.FromResult<CaseExample?>(CaseExamples.For(tenantId, request.Kind, instrument));
    }
}
