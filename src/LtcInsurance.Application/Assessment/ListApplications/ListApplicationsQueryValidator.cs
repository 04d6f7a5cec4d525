using FluentValidation;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.ListApplications;

internal sealed class ListApplicationsQueryValidator : AbstractValidator<ListApplicationsQuery>
{
    public ListApplicationsQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || ApplicationStatuses.All.Contains(s))
            .WithMessage(q => $"状态「{q.Status}」未知（可用：{string.Join("、", ApplicationStatuses.All)}）");
        RuleFor(q => q.Take).InclusiveBetween(1, 1000).WithMessage("每次最多列出 1000 条");
    }
}
