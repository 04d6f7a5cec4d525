using FluentValidation;

namespace LtcInsurance.Application.Policies.ProposeParameter;

/// <summary>The form's shape; the value itself is read against the parameter's kind by the handler.</summary>
internal sealed class ProposeParameterValidator : AbstractValidator<ProposeParameterCommand>
{
    public ProposeParameterValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写参数名（name）").MaximumLength(100).WithMessage("参数名（name）过长");
        RuleFor(c => c.Value).NotEmpty().WithMessage("请填写取值（value）").MaximumLength(2000).WithMessage("取值（value）过长（最多 2000 个字符）");
        RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("请填写生效日期（effectiveFrom）")
            .Must(d => d is null || (d.Value.Year >= 1990 && d.Value.Year <= 2200)).WithMessage("生效日期（effectiveFrom）须在 1990 至 2200 年之间");
        RuleFor(c => c.EffectiveTo)
            .Must((c, to) => to is null || c.EffectiveFrom is null || to >= c.EffectiveFrom)
            .WithMessage("失效日期（effectiveTo）不能早于生效日期（effectiveFrom）")
            .Must(d => d is null || d.Value.Year <= 2200).WithMessage("失效日期（effectiveTo）须不晚于 2200 年");
        RuleFor(c => c.SourceDocument).NotEmpty().WithMessage("请填写依据文件或条款（sourceDocument），如 镇医保发〔2023〕N号")
            .MaximumLength(200).WithMessage("依据文件（sourceDocument）过长（最多 200 个字符）");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写设置理由（reason）")
            .MaximumLength(1000).WithMessage("设置理由（reason）过长（最多 1000 个字符）");
    }
}
