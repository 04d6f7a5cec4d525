using FluentValidation;

namespace LtcInsurance.Application.Users.UnlockUser;

internal sealed class UnlockUserValidator : AbstractValidator<UnlockUserCommand>
{
    public UnlockUserValidator() => UserIdRule.Apply(this, r => r.UserId);
}
