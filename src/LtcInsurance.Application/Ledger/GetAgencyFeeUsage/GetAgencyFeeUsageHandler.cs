using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Application.Ledger.GetAgencyFeeUsage;

internal sealed class GetAgencyFeeUsageHandler(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock)
    : IRequestHandler<GetAgencyFeeUsageQuery, AgencyFeeReport>
{
    public async Task<AgencyFeeReport> Handle(GetAgencyFeeUsageQuery request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? await db.DefaultYearAsync(clock, cancellationToken);
        if (db.CurrentTenantId is not { } tenant || await CeilingOfAsync(tenant, year, cancellationToken) is not { } rule)
            return new AgencyFeeReport(year, null);
        return new AgencyFeeReport(year, AgencyFeeCeiling.Measure(rule, year, await db.AccountsAsync(cancellationToken),
            await db.LinesThroughAsync(new LedgerPeriod(year, 12), cancellationToken)));
    }

    /// <summary>The rule in force at the end of <paramref name="year"/>, the day the year's fees are measured.</summary>
    private async Task<AgencyFeeCeilingRule?> CeilingOfAsync(string tenant, int year, CancellationToken cancellationToken)
    {
        try
        {
            var policies = await engine.ForTenantAsync(tenant, null, cancellationToken);
            return AgencyFeeCeilingParameters.Resolve(policies.ListParameters(tenant), new DateOnly(year, 12, 31));
        }
        catch (PolicyException unknown) when (unknown.Code == ErrorCodes.UnknownTenant)
        {
            // Books without a policy scheme (a city being set up) set no ceiling either.
            return null;
        }
    }
}
