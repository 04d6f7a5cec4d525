using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Policies.ListPolicyParameters;

internal sealed class ListPolicyParametersHandler(IPolicyEngine engine, ICurrentTenant tenant)
    : IRequestHandler<ListPolicyParametersQuery, PolicyParameterList?>
{
    public async Task<PolicyParameterList?> Handle(ListPolicyParametersQuery request, CancellationToken cancellationToken)
    {
        if (tenant.TenantId is not { } tenantId || !PolicyCalculator.Schemes.TryGetValue(tenantId, out var scheme))
            return null;

        var parameters = (await engine.ForTenantAsync(tenantId, null, cancellationToken)).ListParameters(tenantId);
        var start = parameters.FirstOrDefault(p => p.Name == CommonParameters.SchemeStart)?.Values
            .Select(v => v.Value).OfType<DateOnly>().FirstOrDefault();
        return new PolicyParameterList(tenantId, scheme.Title, start, ParameterTopics.Group(parameters));
    }
}
