using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Contributions.ListReceivables;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Contributions.ExportReceivables;

/// <summary>Aggregates only (no person): per period, payer and region.</summary>
internal sealed class ExportReceivablesHandler(ILtcDbContext db, ITableFileWriter files)
    : IRequestHandler<ExportReceivablesQuery, ExportedFile>
{
    private static readonly string[] Header =
        ["期间/period", "缴费方/payer", "区域/region", "区域名称/region name", "缴费单/bills", "应收/due", "已到账/settled", "欠缴/outstanding"];

    public async Task<ExportedFile> Handle(ExportReceivablesQuery request, CancellationToken cancellationToken)
    {
        var period = ListReceivablesHandler.Blank(request.Period);
        var rows = await Receivables.LoadAsync(db, period, null, cancellationToken);
        if (request.OutstandingOnly)
            rows = [.. rows.Where(r => r.Outstanding > 0)];
        var name = request.OutstandingOnly ? "欠费_按缴费方与区域" : "应收与到账";
        var table = new ExportTable(name, Header, rows.Select(r => new object[]
        {
            r.Period, r.PayerName, r.RegionCode, RegionCodes.NameOf(r.RegionCode) ?? "", r.Bills, r.Due, r.Settled, r.Outstanding,
        }));
        return await files.WriteAsync(name + (period is null ? "" : "_" + period), table, request.Format, cancellationToken);
    }
}
