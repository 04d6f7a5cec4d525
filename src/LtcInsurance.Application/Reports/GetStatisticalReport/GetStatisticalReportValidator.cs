using FluentValidation;

namespace LtcInsurance.Application.Reports.GetStatisticalReport;

internal sealed class GetStatisticalReportValidator : AbstractValidator<GetStatisticalReportQuery>
{
    public GetStatisticalReportValidator()
    {
        RuleFor(q => q.Report).IsInEnum().WithMessage("未知的统计报表。");
        RuleFor(q => q.Year).InclusiveBetween(ReportYears.First, ReportYears.Last).WithMessage(ReportYears.Message);
        RuleFor(q => q.Month).InclusiveBetween(1, 12).WithMessage("月份应在 1 至 12 之间。");
    }
}
