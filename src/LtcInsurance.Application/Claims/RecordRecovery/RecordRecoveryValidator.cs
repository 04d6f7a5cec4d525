using FluentValidation;

namespace LtcInsurance.Application.Claims.RecordRecovery;

internal sealed class RecordRecoveryValidator : AbstractValidator<RecordRecoveryCommand>
{
    public RecordRecoveryValidator()
    {
        RuleFor(c => c.ClaimId).NotEmpty().WithMessage("未指定结算申报");
        RuleFor(c => c.LineNo).GreaterThan(0).WithMessage("请指定明细行号");
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 500).WithMessage("请填写追回原因（不超过500个字符）");
    }
}
