using FluentValidation;

namespace LtcInsurance.Application.People.GetPersonChanges;

internal sealed class GetPersonChangesQueryValidator : AbstractValidator<GetPersonChangesQuery>
{
    public GetPersonChangesQueryValidator() =>
        RuleFor(q => q.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
}
