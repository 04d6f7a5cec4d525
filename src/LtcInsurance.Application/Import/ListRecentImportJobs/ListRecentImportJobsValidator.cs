using FluentValidation;

namespace LtcInsurance.Application.Import.ListRecentImportJobs;

internal sealed class ListRecentImportJobsValidator : AbstractValidator<ListRecentImportJobsQuery>
{
    public ListRecentImportJobsValidator() =>
        RuleFor(r => r.Take).InclusiveBetween(1, ListRecentImportJobsQuery.MaxTake)
            .WithMessage($"条数应在 1 到 {ListRecentImportJobsQuery.MaxTake} 之间。");
}
