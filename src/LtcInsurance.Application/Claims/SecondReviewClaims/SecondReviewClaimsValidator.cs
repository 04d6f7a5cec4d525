using FluentValidation;

namespace LtcInsurance.Application.Claims.SecondReviewClaims;

internal sealed class SecondReviewClaimsValidator : AbstractValidator<SecondReviewClaimsCommand>
{
    public SecondReviewClaimsValidator() => ClaimSelectionRules.Add(this, c => c.ClaimIds, c => c.Note);
}
