using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Reports.GetStatisticalReport;

internal sealed class GetStatisticalReportHandler(ILtcDbContext db) : IRequestHandler<GetStatisticalReportQuery, ReportTable>
{
    public Task<ReportTable> Handle(GetStatisticalReportQuery request, CancellationToken cancellationToken) =>
        StatisticalReports.BuildAsync(db, request.Report, new LedgerPeriod(request.Year, request.Month), cancellationToken);
}
