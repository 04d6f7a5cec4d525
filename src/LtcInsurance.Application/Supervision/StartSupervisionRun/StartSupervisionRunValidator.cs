using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Supervision.StartSupervisionRun;

internal sealed class StartSupervisionRunValidator : AbstractValidator<StartSupervisionRunCommand>
{
    public StartSupervisionRunValidator()
    {
        RuleFor(c => c.Month).Must(m => m is null || (Month.TryParse(m.Trim(), out var month) && month.Year is >= 2000 and <= 2100))
            .WithMessage("筛查月份应写作 YYYY-MM");
    }
}
