using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Web.Ledger;

/// <summary>
/// Which agency-fee ceiling a city's documents set. Only Jining (JN 六, a guideline) and Yulin (YL 三(六), binding)
/// give one; the others leave agency costs to their service agreements, so the overview says "not set" rather
/// than inventing a ratio. Follow-up: make this a tenant parameter next to the other policy parameters.
/// </summary>
public static class AgencyFeeCeilings
{
    public static AgencyFeeCeilingRule? For(string tenantId) => tenantId switch
    {
        TenantIds.Jining => AgencyFeeCeilingRule.Jining,
        TenantIds.Yulin => AgencyFeeCeilingRule.Yulin,
        _ => null,
    };
}
