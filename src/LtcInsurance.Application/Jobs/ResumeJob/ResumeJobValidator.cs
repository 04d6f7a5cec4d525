using FluentValidation;

namespace LtcInsurance.Application.Jobs.ResumeJob;

internal sealed class ResumeJobValidator : AbstractValidator<ResumeJobCommand>
{
    public ResumeJobValidator() => RuleFor(c => c.JobId).NotEmpty().WithMessage("请指定作业。");
}
