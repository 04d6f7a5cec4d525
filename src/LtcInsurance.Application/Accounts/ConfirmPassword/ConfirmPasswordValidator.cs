using FluentValidation;

namespace LtcInsurance.Application.Accounts.ConfirmPassword;

internal sealed class ConfirmPasswordValidator : AbstractValidator<ConfirmPasswordCommand>
{
    public ConfirmPasswordValidator() =>
        RuleFor(r => r.Password).NotEmpty().WithMessage("请再次输入您的登录密码。").MaximumLength(256).WithMessage("密码过长。");
}
