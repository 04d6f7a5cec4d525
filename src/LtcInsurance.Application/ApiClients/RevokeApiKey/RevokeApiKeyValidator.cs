using FluentValidation;

namespace LtcInsurance.Application.ApiClients.RevokeApiKey;

internal sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("请选择要吊销的 API 密钥。");
    }
}
