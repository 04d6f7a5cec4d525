using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Policies.ListPolicyParameters;

internal sealed class ListPolicyParametersHandler(PolicyCalculator calculator, ICurrentTenant tenant)
    : IRequestHandler<ListPolicyParametersQuery, PolicyParameterList?>
{
    public Task<PolicyParameterList?> Handle(ListPolicyParametersQuery request, CancellationToken cancellationToken)
    {
        if (tenant.TenantId is not { } tenantId || !PolicyCalculator.Schemes.TryGetValue(tenantId, out var scheme))
            return Task.FromResult<PolicyParameterList?>(null);

        var parameters = calculator.ListParameters(tenantId);
        var start = parameters.FirstOrDefault(p => p.Name == CommonParameters.SchemeStart)?.Values
            .Select(v => v.Value).OfType<DateOnly>().FirstOrDefault();
        return Task.FromResult<PolicyParameterList?>(new PolicyParameterList(tenantId, scheme.Title, start, ParameterTopics.Group(parameters)));
    }
}
