using FluentValidation;

namespace LtcInsurance.Application.Claims.GetClaimTemplate;

internal sealed class GetClaimTemplateValidator : AbstractValidator<GetClaimTemplateQuery>
{
    public GetClaimTemplateValidator() => RuleFor(q => q.Format).IsInEnum().WithMessage("格式应为 csv 或 xlsx");
}
