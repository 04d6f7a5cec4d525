using FluentValidation;

namespace LtcInsurance.Application.Users.ListBindableInstitutions;

internal sealed class ListBindableInstitutionsValidator : AbstractValidator<ListBindableInstitutionsQuery>
{
    public ListBindableInstitutionsValidator() =>
        RuleFor(r => r.TenantId).MaximumLength(32).WithMessage("城市代码过长。");
}
