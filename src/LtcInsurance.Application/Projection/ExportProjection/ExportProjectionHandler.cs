using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Reports;

namespace LtcInsurance.Application.Projection.ExportProjection;

internal sealed class ExportProjectionHandler(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock, ITableFileWriter tables)
    : IRequestHandler<ExportProjectionQuery, ReportFile>
{
    public async Task<ReportFile> Handle(ExportProjectionQuery request, CancellationToken cancellationToken)
    {
        var projection = await FundProjector.ProjectAsync(db, engine, clock, request.Projection, cancellationToken);
        // The years first, then the assumptions under them with their source: one sheet an actuary can read alone.
        var rows = new List<object[]>();
        rows.AddRange(projection.Years.Select(y => new object[]
            { y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Income, y.Expense, y.Surplus, y.Balance, y.MonthsOfReserve is { } m ? m : "—" }));
        rows.Add(["", "", "", "", "", ""]);
        rows.Add([$"基准年度 {projection.BaseYear}", projection.BaseIncome, projection.BaseExpense, projection.BaseIncome - projection.BaseExpense, projection.OpeningBalance, ""]);
        rows.AddRange(projection.Assumptions.Select(a => new object[] { "假设：" + a.Name, a.Value, a.Unit, a.Source, a.UserInput ? "用户输入" : "测算", "" }));
        var table = new ExportTable("基金收支预测", ["年度/year", "收入/income", "支出/expenditure", "当年结余/surplus", "累计结余/balance", "可支付月数/months of reserve"], rows);
        var format = request.Format == ReportFormat.Csv ? ExportFormat.Csv : ExportFormat.Xlsx;
        var name = $"基金收支预测_{projection.BaseYear + 1}-{projection.BaseYear + projection.Years.Count}";
        return new ReportFile($"{name}.{ExportFiles.Extension(format)}", format == ExportFormat.Csv ? ReportFile.Csv : ReportFile.Xlsx,
            await tables.WriteAsync(table, format, cancellationToken));
    }
}
