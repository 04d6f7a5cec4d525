using FluentValidation;

namespace LtcInsurance.Application.Assessment.ListAgencies;

internal sealed class ListAgenciesQueryValidator : AbstractValidator<ListAgenciesQuery>
{
    public ListAgenciesQueryValidator() =>
        RuleFor(q => q.Today).Must(d => d.Year >= 2000).WithMessage("日期不可信");
}
