using FluentValidation;

namespace LtcInsurance.Application.People.EndStatus;

internal sealed class EndStatusCommandValidator : AbstractValidator<EndStatusCommand>
{
    public EndStatusCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.StatusId).NotEmpty().WithMessage("请指定人员类别");
    }
}
