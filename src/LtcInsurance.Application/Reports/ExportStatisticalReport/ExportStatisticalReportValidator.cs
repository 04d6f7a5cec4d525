using FluentValidation;

namespace LtcInsurance.Application.Reports.ExportStatisticalReport;

internal sealed class ExportStatisticalReportValidator : AbstractValidator<ExportStatisticalReportQuery>
{
    public ExportStatisticalReportValidator()
    {
        RuleFor(q => q.Report).IsInEnum().WithMessage("未知的统计报表。");
        RuleFor(q => q.Format).Must(f => f is ReportFormat.Xlsx or ReportFormat.Pdf).WithMessage("统计报表只能导出为 Excel 或 PDF。");
        RuleFor(q => q.Year).InclusiveBetween(ReportYears.First, ReportYears.Last).WithMessage(ReportYears.Message);
        RuleFor(q => q.Month).InclusiveBetween(1, 12).WithMessage("月份应在 1 至 12 之间。");
    }
}
