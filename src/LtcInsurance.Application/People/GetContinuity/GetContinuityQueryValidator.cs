using FluentValidation;

namespace LtcInsurance.Application.People.GetContinuity;

internal sealed class GetContinuityQueryValidator : AbstractValidator<GetContinuityQuery>
{
    public GetContinuityQueryValidator()
    {
        RuleFor(q => q.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
    }
}
