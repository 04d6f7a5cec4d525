using FluentValidation;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.AddAccount;

/// <summary>What can be judged without the books: the code's form, its element against the type, the name, the region's length.</summary>
internal sealed class AddAccountValidator : AbstractValidator<AddAccountCommand>
{
    public AddAccountValidator()
    {
        RuleFor(c => c.Type).IsInEnum().WithMessage("请选择科目类别。");
        RuleFor(c => c.TrimmedCode)
            .Must(ChartCode.IsWellFormed)
            .WithMessage(c => $"科目代码“{c.TrimmedCode}”无效：应为四位数字，明细科目以“.”加两位数字续接，如 5301 或 1101.07。")
            .OverridePropertyName(nameof(AddAccountCommand.Code));
        RuleFor(c => c.TrimmedCode)
            .Must((c, code) => ChartCode.TypeOf(code) == c.Type)
            .When(c => ChartCode.IsWellFormed(c.TrimmedCode) && Enum.IsDefined(c.Type))
            .WithMessage(c => $"科目代码 {c.TrimmedCode} 以 {c.TrimmedCode[0]} 开头，属于{ChartCode.TypeName(ChartCode.TypeOf(c.TrimmedCode))}类，"
                              + $"与所选类别“{ChartCode.TypeName(c.Type)}”不一致。")
            .OverridePropertyName(nameof(AddAccountCommand.Code));
        RuleFor(c => c.TrimmedName)
            .NotEmpty().WithMessage(ChartLimits.NameMessage)
            .MaximumLength(ChartLimits.MaxNameLength).WithMessage(ChartLimits.NameMessage)
            .OverridePropertyName(nameof(AddAccountCommand.Name));
        RuleFor(c => c.TrimmedRegion)
            .Must(r => r is null || (r.Length <= ChartLimits.MaxRegionLength && !r.Contains('@', StringComparison.Ordinal)))
            .WithMessage($"地区代码无效：不超过 {ChartLimits.MaxRegionLength} 个字符，且不含“@”。")
            .OverridePropertyName(nameof(AddAccountCommand.RegionCode));
    }
}
