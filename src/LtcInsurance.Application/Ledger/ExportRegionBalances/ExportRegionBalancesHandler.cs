using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Application.Ledger.ExportRegionBalances;

internal sealed class ExportRegionBalancesHandler(ILtcDbContext db, ITableFileWriter files)
    : IRequestHandler<ExportRegionBalancesQuery, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportRegionBalancesQuery request, CancellationToken cancellationToken)
    {
        var regions = await db.RegionBalancesAsync(request.Through, cancellationToken);
        var name = "分地区基金结余" + (request.Through is { } through ? "_" + through : "");
        return await files.WriteAsync(name, LedgerTables.RegionBalances(regions, LedgerReads.RegionNames(db.CurrentTenantId)),
            request.Format, cancellationToken);
    }
}
