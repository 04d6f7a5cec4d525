using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.DeclareRelation;

internal sealed class DeclareRelationCommandValidator : AbstractValidator<DeclareRelationCommand>
{
    public DeclareRelationCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.AssessorId).NotEmpty().WithMessage("请指定评估人员");
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.Relation).NotEmpty().WithMessage("请填写利害关系").MaximumLength(100).WithMessage("利害关系不能超过 100 个字符");
        RuleFor(c => c.DeclaredOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("申报日期"));
    }
}
