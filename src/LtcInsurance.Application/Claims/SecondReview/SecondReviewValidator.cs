using FluentValidation;

namespace LtcInsurance.Application.Claims.SecondReview;

internal sealed class SecondReviewValidator : AbstractValidator<SecondReviewCommand>
{
    public SecondReviewValidator()
    {
        RuleFor(c => c.ClaimId).NotEmpty().WithMessage("未指定结算申报");
        ReviewRules.Add(this, c => c.Adjustments, c => c.Decision, c => c.ReturnCodes, c => c.Reason);
    }
}
