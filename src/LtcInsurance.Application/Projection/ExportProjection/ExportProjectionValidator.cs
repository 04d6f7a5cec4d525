using FluentValidation;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Reports;

namespace LtcInsurance.Application.Projection.ExportProjection;

internal sealed class ExportProjectionValidator : AbstractValidator<ExportProjectionQuery>
{
    public ExportProjectionValidator()
    {
        RuleFor(q => q.Projection).NotNull().SetValidator(new ProjectFundValidator());
        RuleFor(q => q.Format).Must(f => f is ReportFormat.Xlsx or ReportFormat.Csv).WithMessage("预测结果只能导出为 Excel 或 CSV。");
    }
}
