using FluentValidation;

namespace LtcInsurance.Application.Reports.GetCityFigure;

internal sealed class GetCityFigureValidator : AbstractValidator<GetCityFigureQuery>
{
    public GetCityFigureValidator()
    {
        RuleFor(q => q.Figure).IsInEnum().WithMessage("未知的看板图表。");
        RuleFor(q => q.Year).InclusiveBetween(ReportYears.First, ReportYears.Last).WithMessage(ReportYears.Message);
    }
}
