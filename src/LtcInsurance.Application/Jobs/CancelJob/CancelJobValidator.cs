using FluentValidation;

namespace LtcInsurance.Application.Jobs.CancelJob;

internal sealed class CancelJobValidator : AbstractValidator<CancelJobCommand>
{
    public CancelJobValidator() => RuleFor(c => c.JobId).NotEmpty().WithMessage("请指定作业。");
}
