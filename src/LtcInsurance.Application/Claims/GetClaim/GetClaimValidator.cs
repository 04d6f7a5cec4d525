using FluentValidation;

namespace LtcInsurance.Application.Claims.GetClaim;

internal sealed class GetClaimValidator : AbstractValidator<GetClaimQuery>
{
    public GetClaimValidator() => RuleFor(q => q.ClaimId).NotEmpty().WithMessage("未指定结算申报");
}
