using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Supervision.RunSupervision;

internal sealed class RunSupervisionValidator : AbstractValidator<RunSupervisionCommand>
{
    public RunSupervisionValidator()
    {
        RuleFor(c => c.Month).Must(m => m is null || (Month.TryParse(m.Trim(), out var month) && month.Year is >= 2000 and <= 2100))
            .WithMessage("筛查月份应写作 YYYY-MM");
    }
}
