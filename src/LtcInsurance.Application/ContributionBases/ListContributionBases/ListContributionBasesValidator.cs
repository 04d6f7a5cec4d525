using FluentValidation;

namespace LtcInsurance.Application.ContributionBases.ListContributionBases;

internal sealed class ListContributionBasesValidator : AbstractValidator<ListContributionBasesQuery>
{
    public ListContributionBasesValidator() =>
        RuleFor(q => q.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
}
