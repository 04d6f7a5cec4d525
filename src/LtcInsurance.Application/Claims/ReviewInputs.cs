using FluentValidation;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims;

/// <summary>A reviewer's cut of one line: the new amount (not above the claimed one) and why.</summary>
public sealed record LineAdjustment(int LineNo, decimal NewAmount, string Reason);

/// <summary>What a reviewer decides: pass the claim to the next step, or return it to the provider with codes.</summary>
public static class ReviewDecisions
{
    public const string Pass = "pass";
    public const string Return = "return";

    public static readonly IReadOnlyList<string> All = [Pass, Return];
}

internal static class ReviewRules
{
    public static void Add<T>(AbstractValidator<T> validator, Func<T, IReadOnlyList<LineAdjustment>?> adjustments, Func<T, string> decision,
        Func<T, IReadOnlyList<string>?> codes, Func<T, string?> reason)
    {
        validator.RuleFor(r => decision(r)).Must(d => ReviewDecisions.All.Contains(d)).WithMessage("审核结论只能是通过（pass）或退回（return）")
            .OverridePropertyName("Decision");
        validator.RuleFor(r => codes(r)).Must(c => c is { Count: > 0 } && c.All(ClaimReturnCodes.IsKnown))
            .When(r => decision(r) == ReviewDecisions.Return).WithMessage("退回须选择退回代码目录中的代码").OverridePropertyName("ReturnCodes");
        validator.RuleFor(r => reason(r)).Must(x => !string.IsNullOrWhiteSpace(x))
            .When(r => decision(r) == ReviewDecisions.Return).WithMessage("退回须填写原因").OverridePropertyName("Reason");
        validator.RuleFor(r => reason(r)).Must(x => x is null || x.Trim().Length <= Claim.MaxReasonLength)
            .WithMessage("原因不超过500个字符").OverridePropertyName("Reason");
        validator.RuleFor(r => adjustments(r)).Must(a => a is null || a.Count <= 10_000).WithMessage("调整明细过多").OverridePropertyName("Adjustments");
    }
}

/// <summary>The checks of a command on a selection of claims (bulk 初审, 复核, 审定).</summary>
internal static class ClaimSelectionRules
{
    /// <summary>At most this many claims in one command (a month's claims of a city).</summary>
    public const int MaxClaims = 100_000;

    public static void Add<T>(AbstractValidator<T> validator, Func<T, IReadOnlyList<Guid>> ids, Func<T, string?>? note = null)
    {
        validator.RuleFor(r => ids(r)).NotEmpty().WithMessage("未选择结算申报").OverridePropertyName("ClaimIds");
        validator.RuleFor(r => ids(r)).Must(x => x is null || x.All(id => id != Guid.Empty) && x.Distinct().Count() == x.Count)
            .WithMessage("结算申报编号不能为空或重复").OverridePropertyName("ClaimIds");
        validator.RuleFor(r => ids(r)).Must(x => x is null || x.Count <= MaxClaims).WithMessage($"一次最多选择 {MaxClaims} 件结算申报")
            .OverridePropertyName("ClaimIds");
        if (note is not null)
        {
            validator.RuleFor(r => note(r)).Must(x => x is null || x.Trim().Length <= Claim.MaxReasonLength)
                .WithMessage("原因不超过500个字符").OverridePropertyName("Note");
        }
    }
}
