using FluentValidation;

namespace LtcInsurance.Application.Accounts.ChangePassword;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().WithMessage("请输入当前密码。").MaximumLength(256).WithMessage("密码过长。");
        RuleFor(r => r.NewPassword).NotEmpty().WithMessage("请输入新密码。").MaximumLength(256).WithMessage("密码过长。")
            .NotEqual(r => r.CurrentPassword, StringComparer.Ordinal).WithMessage("新密码不能与当前密码相同。");
        RuleFor(r => r.ConfirmPassword).Equal(r => r.NewPassword, StringComparer.Ordinal).WithMessage("两次输入的新密码不一致。");
    }
}
