using FluentValidation;
using LtcInsurance.Domain.ApiClients;

namespace LtcInsurance.Application.ApiClients.CreateApiKey;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写密钥名称（用于区分对接系统）。")
            .MaximumLength(ApiKey.NameMaxLength).WithMessage($"密钥名称不能超过 {ApiKey.NameMaxLength} 个字符。")
            .Must(n => n is null || !n.Any(char.IsControl)).WithMessage("密钥名称不能包含控制字符。");
        RuleFor(c => c.ProviderCode).MaximumLength(32).WithMessage("机构代码不能超过 32 个字符。");
    }
}
