using FluentValidation;

namespace LtcInsurance.Application.ApiClients.BeginIdempotentRequest;

internal sealed class BeginIdempotentRequestValidator : AbstractValidator<BeginIdempotentRequestCommand>
{
    public BeginIdempotentRequestValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(IdempotencyAccess.IsKey).WithMessage(IdempotencyAccess.KeyProblem.Message);
        RuleFor(c => c.RequestHash).Must(IdempotencyAccess.IsHash).WithMessage("请求摘要应为 64 位小写十六进制。");
        RuleFor(c => c.Method).NotEmpty().MaximumLength(8).WithMessage("请求方法无效。");
        RuleFor(c => c.Path).NotEmpty().MaximumLength(300).WithMessage("请求路径无效。");
    }
}
