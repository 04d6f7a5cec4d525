using FluentValidation;

namespace LtcInsurance.Application.Claims.WithdrawClaim;

internal sealed class WithdrawClaimValidator : AbstractValidator<WithdrawClaimCommand>
{
    public WithdrawClaimValidator()
    {
        RuleFor(c => c.ClaimId).NotEmpty().WithMessage("未指定结算申报");
        RuleFor(c => c.Reason).Must(r => r is null || r.Trim().Length <= 500).WithMessage("原因不超过500个字符");
    }
}
