using FluentValidation;

namespace LtcInsurance.Application.Users.ChangeUserRole;

internal sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRoleCommand>
{
    public ChangeUserRoleValidator()
    {
        UserIdRule.Apply(this, r => r.UserId);
        RoleRules.Apply(this, c => c.Role, c => c.Institution, c => c.Agency);
    }
}
