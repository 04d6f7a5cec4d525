using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;

namespace LtcInsurance.Application.Ledger.GetRegionBalances;

internal sealed class GetRegionBalancesHandler(ILtcDbContext db) : IRequestHandler<GetRegionBalancesQuery, RegionBalancesReport>
{
    public async Task<RegionBalancesReport> Handle(GetRegionBalancesQuery request, CancellationToken cancellationToken) =>
        new(await db.RegionBalancesAsync(request.Through, cancellationToken), LedgerReads.RegionNames(db.CurrentTenantId));
}
