using FluentValidation;

namespace LtcInsurance.Application.Enrollment.AddStatus;

/// <summary>The shape only; whether the code is known and the dates in order are the domain's rules.</summary>
internal sealed class AddStatusCommandValidator : AbstractValidator<AddStatusCommand>
{
    public AddStatusCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.Status).NotEmpty().WithMessage("请指定人员类别")
            .MaximumLength(32).WithMessage("人员类别代码不能超过 32 个字符");
    }
}
