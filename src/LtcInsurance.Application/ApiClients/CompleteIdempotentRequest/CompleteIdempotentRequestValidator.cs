using FluentValidation;

namespace LtcInsurance.Application.ApiClients.CompleteIdempotentRequest;

internal sealed class CompleteIdempotentRequestValidator : AbstractValidator<CompleteIdempotentRequestCommand>
{
    public CompleteIdempotentRequestValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(IdempotencyAccess.IsKey).WithMessage(IdempotencyAccess.KeyProblem.Message);
        RuleFor(c => c.Status).InclusiveBetween(200, 599).WithMessage("响应状态码无效。");
        RuleFor(c => c.ContentType).MaximumLength(100).WithMessage("响应类型过长。");
        RuleFor(c => c.Body).NotNull().WithMessage("响应内容缺失。");
    }
}
