using System.Globalization;
using FluentValidation;

namespace LtcInsurance.Application.Policies.CalculateCase;

/// <summary>The shape of the form: a kind, an input of reasonable size, a date if one is given. The content is the engine's to judge.</summary>
internal sealed class CalculateCaseValidator : AbstractValidator<CalculateCaseQuery>
{
    /// <summary>Far above any real case (a month of daily lines is a few kilobytes).</summary>
    public const int MaxInputLength = 200_000;

    public CalculateCaseValidator()
    {
        RuleFor(q => q.Kind).NotEmpty().WithMessage("请选择案例类型").MaximumLength(32).WithMessage("案例类型过长");
        RuleFor(q => q.Input).MaximumLength(MaxInputLength).WithMessage($"案例输入过长（最多 {MaxInputLength} 个字符）");
        RuleFor(q => q.AsOf)
            .Must(d => string.IsNullOrWhiteSpace(d) || DateOnly.TryParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage(q => $"计算日期「{q.AsOf}」须为 YYYY-MM-DD");
    }
}
