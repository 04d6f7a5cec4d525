using FluentValidation;

namespace LtcInsurance.Application.People.ChangeInsuranceType;

internal sealed class ChangeInsuranceTypeCommandValidator : AbstractValidator<ChangeInsuranceTypeCommand>
{
    public ChangeInsuranceTypeCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.MedicalInsurance).IsInEnum().WithMessage("医保类型无效");
        RuleFor(c => c.Employment).IsInEnum().WithMessage("就业状态无效");
    }
}
