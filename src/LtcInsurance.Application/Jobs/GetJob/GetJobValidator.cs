using FluentValidation;

namespace LtcInsurance.Application.Jobs.GetJob;

internal sealed class GetJobValidator : AbstractValidator<GetJobQuery>
{
    public GetJobValidator() => RuleFor(c => c.JobId).NotEmpty().WithMessage("请指定作业。");
}
