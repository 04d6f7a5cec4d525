using FluentValidation;

namespace LtcInsurance.Application.Contributions.RunBilling;

/// <summary>
/// Only that a period is given: its unit depends on the city (BillingCycle), and the handler refuses a wrong one with
/// the city's clause, as <see cref="BillingRefusedException"/> with the engine's code.
/// </summary>
internal sealed class RunBillingValidator : AbstractValidator<RunBillingCommand>
{
    public RunBillingValidator()
    {
        RuleFor(c => c.Period).NotEmpty().WithMessage("请填写缴费期间");
    }
}
