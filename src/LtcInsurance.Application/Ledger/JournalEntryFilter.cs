using FluentValidation;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;

namespace LtcInsurance.Application.Ledger;

/// <summary>
/// The journal browser's filters: business dates from/to, or one booking period; an account; a source document type;
/// text in the description or the source reference (case-insensitive); the entry's amount (its debit total) from/to.
/// Null: no condition.
/// </summary>
public sealed record JournalEntryFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    LedgerPeriod? Period = null,
    string? AccountCode = null,
    SourceDocumentType? SourceType = null,
    string? Text = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null)
{
    public const int MaxTextLength = 200;

    public static JournalEntryFilter None { get; } = new();

    /// <summary>Whether any condition is set.</summary>
    public bool IsFiltered => this != None;

    /// <summary>Row-level security and the tenant query filter already limit the entries to the current city.</summary>
    internal IQueryable<JournalEntryRecord> Apply(IQueryable<JournalEntryRecord> entries)
    {
        if (From is { } from)
            entries = entries.Where(e => e.BusinessDate >= from);
        if (To is { } to)
            entries = entries.Where(e => e.BusinessDate <= to);
        if (Period is { } period)
        {
            var text = period.ToString();
            entries = entries.Where(e => e.Period == text);
        }
        if (string.IsNullOrWhiteSpace(AccountCode) is false)
        {
            var code = AccountCode.Trim();
            entries = entries.Where(e => e.Postings.Any(p => p.AccountCode == code));
        }
        if (SourceType is { } type)
        {
            var stored = type.ToText();
            entries = entries.Where(e => e.SourceType == stored);
        }
        if (string.IsNullOrWhiteSpace(Text) is false)
        {
            // A plain substring (no wildcards), either case; lower() on both sides keeps it index-free but exact.
            var q = Text.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Description.ToLower().Contains(q) || e.SourceReference.ToLower().Contains(q));
        }
        if (MinAmount is { } min)
            entries = entries.Where(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount) >= min);
        if (MaxAmount is { } max)
            entries = entries.Where(e => e.Postings.Where(p => p.Side == "D").Sum(p => p.Amount) <= max);
        return entries;
    }
}

internal static class JournalEntryFilterRules
{
    /// <summary>The filter's free-text parts within their limits (the typed parts are valid by construction).</summary>
    public static IRuleBuilderOptions<T, JournalEntryFilter> ValidFilter<T>(this IRuleBuilder<T, JournalEntryFilter> rule) =>
        rule.Must(f => f is not null
                       && (f.Text is null || f.Text.Length <= JournalEntryFilter.MaxTextLength)
                       && (f.AccountCode is null || f.AccountCode.Length <= ChartLimits.MaxCodeLength)
                       && (f.SourceType is null || Enum.IsDefined(f.SourceType.Value)))
            .WithMessage($"筛选条件无效：搜索文字不超过 {JournalEntryFilter.MaxTextLength} 个字，科目代码不超过 {ChartLimits.MaxCodeLength} 个字符。")
            .Must(f => f is null || ((f.MinAmount is null || f.MinAmount >= 0m) && (f.MaxAmount is null || f.MaxAmount >= 0m)))
            .WithMessage("金额条件不能为负数。")
            .Must(f => f is null || f.MinAmount is null || f.MaxAmount is null || f.MinAmount <= f.MaxAmount)
            .WithMessage("最低金额不能高于最高金额。");
}
