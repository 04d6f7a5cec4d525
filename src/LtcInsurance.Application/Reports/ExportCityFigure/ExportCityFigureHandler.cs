using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Reports.GetCityFigure;

namespace LtcInsurance.Application.Reports.ExportCityFigure;

internal sealed class ExportCityFigureHandler(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock, ITableFileWriter tables,
    INoticeRenderer pdf) : IRequestHandler<ExportCityFigureQuery, ReportFile>
{
    public async Task<ReportFile> Handle(ExportCityFigureQuery request, CancellationToken cancellationToken)
    {
        var table = await GetCityFigureHandler.Figure(db, engine, clock, request.Figure, request.Year, cancellationToken);
        return await ReportFiles.WriteAsync(table, request.Format, table.Title, tables, pdf, db,
            LtcInsurance.Application.Claims.ClaimLookup.Today(clock), cancellationToken);
    }
}
