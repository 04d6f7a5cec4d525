using FluentValidation;

namespace LtcInsurance.Application.Contributions.StartBillingRun;

/// <summary>Only that a period is given; its unit depends on the city and the handler checks it.</summary>
internal sealed class StartBillingRunValidator : AbstractValidator<StartBillingRunCommand>
{
    public StartBillingRunValidator() => RuleFor(c => c.Period).NotEmpty().WithMessage("请填写缴费期间");
}
