using FluentValidation;

namespace LtcInsurance.Application.Enrollment.SetGuardian;

internal sealed class SetGuardianCommandValidator : AbstractValidator<SetGuardianCommand>
{
    public SetGuardianCommandValidator()
    {
        RuleFor(c => c.MinorId).Must(id => id.Value != Guid.Empty).WithMessage("请指定未成年人");
        RuleFor(c => c.GuardianId).Must(id => id.Value != Guid.Empty).WithMessage("请指定监护人");
        RuleFor(c => c.Relationship).NotEmpty().WithMessage("请填写与监护人的关系")
            .MaximumLength(16).WithMessage("与监护人的关系不能超过 16 个字");
    }
}
