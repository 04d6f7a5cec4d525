using FluentValidation;

namespace LtcInsurance.Application.Enrollment.RecordDeath;

internal sealed class RecordDeathCommandValidator : AbstractValidator<RecordDeathCommand>
{
    public RecordDeathCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
    }
}
