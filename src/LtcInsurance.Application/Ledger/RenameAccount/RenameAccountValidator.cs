using FluentValidation;

namespace LtcInsurance.Application.Ledger.RenameAccount;

internal sealed class RenameAccountValidator : AbstractValidator<RenameAccountCommand>
{
    public RenameAccountValidator()
    {
        RuleFor(c => c.TrimmedCode)
            .NotEmpty().WithMessage("请选择要改名的科目。")
            .MaximumLength(ChartLimits.MaxCodeLength).WithMessage("科目代码过长。")
            .OverridePropertyName(nameof(RenameAccountCommand.Code));
        RuleFor(c => c.TrimmedName)
            .NotEmpty().WithMessage(ChartLimits.NameMessage)
            .MaximumLength(ChartLimits.MaxNameLength).WithMessage(ChartLimits.NameMessage)
            .OverridePropertyName(nameof(RenameAccountCommand.Name));
    }
}
