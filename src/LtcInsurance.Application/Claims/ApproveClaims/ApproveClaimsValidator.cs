using FluentValidation;

namespace LtcInsurance.Application.Claims.ApproveClaims;

internal sealed class ApproveClaimsValidator : AbstractValidator<ApproveClaimsCommand>
{
    public ApproveClaimsValidator()
    {
        RuleFor(c => c.ClaimIds).NotEmpty().WithMessage("未指定结算申报");
        RuleFor(c => c.ClaimIds).Must(ids => ids is null || ids.All(id => id != Guid.Empty) && ids.Distinct().Count() == ids.Count)
            .WithMessage("结算申报编号不能为空或重复");
    }
}
