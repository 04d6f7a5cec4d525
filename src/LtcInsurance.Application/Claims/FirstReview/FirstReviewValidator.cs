using FluentValidation;

namespace LtcInsurance.Application.Claims.FirstReview;

internal sealed class FirstReviewValidator : AbstractValidator<FirstReviewCommand>
{
    public FirstReviewValidator()
    {
        RuleFor(c => c.ClaimId).NotEmpty().WithMessage("未指定结算申报");
        ReviewRules.Add(this, c => c.Adjustments, c => c.Decision, c => c.ReturnCodes, c => c.Reason);
    }
}
