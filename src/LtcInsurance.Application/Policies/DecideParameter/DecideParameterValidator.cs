using FluentValidation;

namespace LtcInsurance.Application.Policies.DecideParameter;

internal sealed class DecideParameterValidator : AbstractValidator<DecideParameterCommand>
{
    public DecideParameterValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写参数名（name）").MaximumLength(100).WithMessage("参数名（name）过长");
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).WithMessage("版本号（version）须为 1 或更大的整数");
        RuleFor(c => c.Note).NotEmpty().When(c => !c.Approve).WithMessage("驳回须填写审批意见（note），说明驳回原因");
        RuleFor(c => c.Note).MaximumLength(1000).WithMessage("审批意见（note）过长（最多 1000 个字符）");
    }
}
