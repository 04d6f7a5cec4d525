using System.Globalization;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Reports.ExportStatisticalReport;

internal sealed class ExportStatisticalReportHandler(ILtcDbContext db, TimeProvider clock, ITableFileWriter tables, INoticeRenderer pdf)
    : IRequestHandler<ExportStatisticalReportQuery, ReportFile>
{
    public async Task<ReportFile> Handle(ExportStatisticalReportQuery request, CancellationToken cancellationToken)
    {
        var month = new LedgerPeriod(request.Year, request.Month);
        var table = await StatisticalReports.BuildAsync(db, request.Report, month, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"{StatisticalReports.Name(request.Report)}_{month}");
        return await ReportFiles.WriteAsync(table, request.Format, name, tables, pdf, db,
            LtcInsurance.Application.Claims.ClaimLookup.Today(clock), cancellationToken);
    }
}
