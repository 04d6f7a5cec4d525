using FluentValidation;

namespace LtcInsurance.Application.Accounts.SignIn;

internal sealed class SignInValidator : AbstractValidator<SignInCommand>
{
    public SignInValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().WithMessage("请输入用户名。").MaximumLength(256).WithMessage("用户名过长。");
        RuleFor(r => r.Password).NotEmpty().WithMessage("请输入密码。");
    }
}
