using FluentValidation;

namespace LtcInsurance.Application.Supervision.SanctionFlaggedProvider;

internal sealed class SanctionFlaggedProviderValidator : AbstractValidator<SanctionFlaggedProviderCommand>
{
    public SanctionFlaggedProviderValidator()
    {
        RuleFor(c => c.FlagId).NotEmpty().WithMessage("请指定疑点");
        RuleFor(c => c.To).Must((c, to) => to is null || to >= c.From).WithMessage("处理截止日期不能早于起始日期");
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 400).WithMessage("请填写处理原因（不超过 400 个字）");
    }
}
