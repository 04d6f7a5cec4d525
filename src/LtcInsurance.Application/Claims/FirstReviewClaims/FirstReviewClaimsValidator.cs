using FluentValidation;

namespace LtcInsurance.Application.Claims.FirstReviewClaims;

internal sealed class FirstReviewClaimsValidator : AbstractValidator<FirstReviewClaimsCommand>
{
    public FirstReviewClaimsValidator() => ClaimSelectionRules.Add(this, c => c.ClaimIds, c => c.Note);
}
