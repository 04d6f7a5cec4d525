using FluentValidation;

namespace LtcInsurance.Application.Users.ListUsers;

internal sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator() =>
        RuleFor(r => r.TenantId).MaximumLength(32).WithMessage("城市标识过长。");
}
