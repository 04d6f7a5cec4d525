using FluentValidation;

namespace LtcInsurance.Application.Reports.ExportCityFigure;

internal sealed class ExportCityFigureValidator : AbstractValidator<ExportCityFigureQuery>
{
    public ExportCityFigureValidator()
    {
        RuleFor(q => q.Figure).IsInEnum().WithMessage("未知的看板图表。");
        RuleFor(q => q.Format).Must(f => f is ReportFormat.Xlsx or ReportFormat.Csv).WithMessage("看板图表只能导出为 Excel 或 CSV。");
        RuleFor(q => q.Year).InclusiveBetween(ReportYears.First, ReportYears.Last).WithMessage(ReportYears.Message);
    }
}
