using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.GetBillingTotals;

internal sealed class GetBillingTotalsHandler(ILtcDbContext db) : IRequestHandler<GetBillingTotalsQuery, BillingTotals>
{
    public Task<BillingTotals> Handle(GetBillingTotalsQuery request, CancellationToken cancellationToken) =>
        BillingTotalsReader.ReadAsync(db, request.Period.Trim(), cancellationToken);
}

/// <summary>The totals as the billing run reports them after it has written, and as the totals query reads them.</summary>
internal static class BillingTotalsReader
{
    public static async Task<BillingTotals> ReadAsync(ILtcDbContext db, string period, CancellationToken cancellationToken)
    {
        var rows = await (
                from l in db.ContributionBillLines
                join b in db.ContributionBills on new { l.TenantId, l.BillId } equals new { b.TenantId, BillId = b.Id }
                where b.Period == period
                group l by new { b.RegionCode, l.Payer } into g
                select new { g.Key.RegionCode, g.Key.Payer, Amount = g.Sum(x => x.Amount) })
            .ToListAsync(cancellationToken);
        var count = await db.ContributionBills.CountAsync(b => b.Period == period, cancellationToken);
        var byRegion = rows.OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.Payer, StringComparer.Ordinal)
            .Select(r => new RegionPayerTotal(r.RegionCode, r.Payer, r.Amount)).ToList();
        var byPayer = rows.GroupBy(r => r.Payer).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PayerTotal(g.Key, g.Sum(r => r.Amount))).ToList();
        return new BillingTotals(period, count, byPayer.Sum(p => p.Amount), byPayer, byRegion);
    }
}
