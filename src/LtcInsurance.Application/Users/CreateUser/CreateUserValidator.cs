using FluentValidation;

namespace LtcInsurance.Application.Users.CreateUser;

internal sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.TenantId).MaximumLength(32).WithMessage("城市代码过长。");
        RuleFor(c => c.TrimmedUserName)
            .NotEmpty().WithMessage("请填写用户名。")
            .Matches(UserNames.Pattern).When(c => c.TrimmedUserName.Length > 0)
            .WithMessage(c => $"用户名「{c.TrimmedUserName}」无效：{UserNames.Rule}")
            .OverridePropertyName(nameof(CreateUserCommand.UserName));
        RuleFor(c => c.TrimmedDisplayName)
            .NotEmpty().WithMessage("请填写姓名。")
            .MaximumLength(100).WithMessage("姓名过长（至多 100 个字符）。")
            .OverridePropertyName(nameof(CreateUserCommand.DisplayName));
        RoleRules.Apply(this, c => c.Role, c => c.Institution, c => c.Agency);
    }
}

/// <summary>What a user name may look like.</summary>
internal static class UserNames
{
    public const string Pattern = "^[a-z][a-z0-9._-]{2,63}$";

    public const string Rule = "应以小写字母开头，只含小写字母、数字、点、下划线和连字符，3 至 64 个字符（如 clerk.wang）。";
}
