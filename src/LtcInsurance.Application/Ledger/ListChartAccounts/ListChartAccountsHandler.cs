using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.ListChartAccounts;

internal sealed class ListChartAccountsHandler(ILtcDbContext db) : IRequestHandler<ListChartAccountsQuery, IReadOnlyList<ChartAccountView>>
{
    public async Task<IReadOnlyList<ChartAccountView>> Handle(ListChartAccountsQuery request, CancellationToken cancellationToken)
    {
        // One EXISTS per account, on the postings' (tenant, account) index.
        var rows = await db.LedgerAccounts.AsNoTracking()
            .Select(a => new { a.Code, a.Name, a.Type, a.RegionCode, Used = db.JournalPostings.Any(p => p.AccountCode == a.Code) })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new ChartAccountView(a.Code, a.Name, LedgerRecordMapping.ParseAccountType(a.Type), a.RegionCode, a.Used))];
    }
}
