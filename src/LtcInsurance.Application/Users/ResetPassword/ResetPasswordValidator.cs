using FluentValidation;

namespace LtcInsurance.Application.Users.ResetPassword;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator() => UserIdRule.Apply(this, r => r.UserId);
}
