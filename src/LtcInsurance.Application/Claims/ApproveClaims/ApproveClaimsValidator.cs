using FluentValidation;

namespace LtcInsurance.Application.Claims.ApproveClaims;

internal sealed class ApproveClaimsValidator : AbstractValidator<ApproveClaimsCommand>
{
    public ApproveClaimsValidator() => ClaimSelectionRules.Add(this, c => c.ClaimIds);
}
