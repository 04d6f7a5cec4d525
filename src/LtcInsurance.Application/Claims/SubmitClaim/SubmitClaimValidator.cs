using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Claims.SubmitClaim;

/// <summary>The request's shape; the lines' content is checked by the claim's rules (every problem at once).</summary>
internal sealed class SubmitClaimValidator : AbstractValidator<SubmitClaimCommand>
{
    public const int MaxLines = 20_000;

    public SubmitClaimValidator()
    {
        RuleFor(c => c.ProviderCode).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length <= 32).WithMessage("请填写机构编码（不超过32个字符）");
        RuleFor(c => c.Month).Must(m => Month.TryParse(m?.Trim(), out _)).WithMessage("申报月份应写作 YYYY-MM");
        RuleFor(c => c.ClientKey).Must(k => !string.IsNullOrWhiteSpace(k) && k.Trim().Length <= 100).WithMessage("请提供申报幂等键（不超过100个字符）");
        RuleFor(c => c.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("申报至少需要一条明细")
            .Must(l => l.Count is > 0 and <= MaxLines).WithMessage($"申报明细应为 1 至 {MaxLines} 条")
            .Must(l => l.All(x => x is not null)).WithMessage("申报明细不能为空行");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.LineNo).GreaterThan(0).WithMessage("明细行号须为正整数");
            line.RuleFor(l => l.PersonIdNumber).Must(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length <= 18).WithMessage("请填写服务对象身份证号");
            line.RuleFor(l => l.ItemCode).Must(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length <= 32).WithMessage("请填写服务项目编码（不超过32个字符）");
            line.RuleFor(l => l.Day).NotEqual(default(DateOnly)).WithMessage("请填写服务日期");
            line.RuleFor(l => l.Quantity).LessThanOrEqualTo(100_000m).WithMessage("数量过大");
            line.RuleFor(l => l.Amount).LessThanOrEqualTo(10_000_000m).WithMessage("金额过大");
            line.RuleFor(l => l.CareWorkerIdNumber).Must(p => p is null || p.Trim().Length <= 18).WithMessage("护理服务人员身份证号不超过18位");
        }).When(c => c.Lines is not null);
        RuleFor(c => c.Lines).Must(l => l.Select(x => x.LineNo).Distinct().Count() == l.Count)
            .When(c => c.Lines is { Count: > 0 } && c.Lines.All(x => x is not null))
            .WithMessage("明细行号不能重复");
    }
}
