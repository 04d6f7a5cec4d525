using FluentValidation;

namespace LtcInsurance.Application.Enrollment.EndEnrollment;

internal sealed class EndEnrollmentCommandValidator : AbstractValidator<EndEnrollmentCommand>
{
    public EndEnrollmentCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
    }
}
