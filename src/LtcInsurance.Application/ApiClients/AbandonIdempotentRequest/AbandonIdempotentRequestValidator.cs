using FluentValidation;

namespace LtcInsurance.Application.ApiClients.AbandonIdempotentRequest;

internal sealed class AbandonIdempotentRequestValidator : AbstractValidator<AbandonIdempotentRequestCommand>
{
    public AbandonIdempotentRequestValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(IdempotencyAccess.IsKey).WithMessage(IdempotencyAccess.KeyProblem.Message);
    }
}
