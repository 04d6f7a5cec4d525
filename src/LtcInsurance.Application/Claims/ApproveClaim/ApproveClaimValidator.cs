using FluentValidation;

namespace LtcInsurance.Application.Claims.ApproveClaim;

internal sealed class ApproveClaimValidator : AbstractValidator<ApproveClaimCommand>
{
    public ApproveClaimValidator() => RuleFor(c => c.ClaimId).NotEmpty().WithMessage("未指定结算申报");
}
