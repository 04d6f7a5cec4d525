using FluentValidation;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Enrollment.Enrol;

internal sealed class EnrolCommandValidator : AbstractValidator<EnrolCommand>
{
    public EnrolCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.FlexibleChoice)
            .Must(choice => choice is null or SchemeKinds.Employee or SchemeKinds.Resident)
            .WithMessage("所选险种只能是职工（employee）或城乡居民（resident）");
        RuleFor(c => c.MonthlyBase)
            .GreaterThan(0m).When(c => c.MonthlyBase is not null)
            .WithMessage("缴费基数必须大于零");
        RuleFor(c => c.GuardianRelationship).NotEmpty().When(c => c.GuardianId is not null).WithMessage("请填写与监护人的关系")
            .MaximumLength(16).WithMessage("与监护人的关系不能超过 16 个字");
    }
}
