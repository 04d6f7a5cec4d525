using FluentValidation;

namespace LtcInsurance.Application.Users.LockUser;

internal sealed class LockUserValidator : AbstractValidator<LockUserCommand>
{
    public LockUserValidator() => UserIdRule.Apply(this, r => r.UserId);
}
