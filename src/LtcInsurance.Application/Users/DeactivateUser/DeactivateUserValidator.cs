using FluentValidation;

namespace LtcInsurance.Application.Users.DeactivateUser;

internal sealed class DeactivateUserValidator : AbstractValidator<DeactivateUserCommand>
{
    public DeactivateUserValidator() => UserIdRule.Apply(this, r => r.UserId);
}
