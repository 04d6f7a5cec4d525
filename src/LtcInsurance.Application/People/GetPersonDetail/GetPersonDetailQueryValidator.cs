using FluentValidation;

namespace LtcInsurance.Application.People.GetPersonDetail;

internal sealed class GetPersonDetailQueryValidator : AbstractValidator<GetPersonDetailQuery>
{
    public GetPersonDetailQueryValidator()
    {
        RuleFor(q => q.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
    }
}
