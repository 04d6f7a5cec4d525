using FluentValidation;

namespace LtcInsurance.Application.Jobs.ListJobs;

internal sealed class ListJobsValidator : AbstractValidator<ListJobsQuery>
{
    public ListJobsValidator()
    {
        RuleFor(r => r.Take).InclusiveBetween(1, ListJobsQuery.MaxTake)
            .WithMessage($"条数应在 1 到 {ListJobsQuery.MaxTake} 之间。");
        RuleFor(r => r.Kind).Must(k => k is null || JobKinds.All.Contains(k))
            .WithMessage("未知的作业类型。");
    }
}
