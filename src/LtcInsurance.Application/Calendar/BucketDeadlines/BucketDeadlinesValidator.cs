using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Calendar.BucketDeadlines;

internal sealed class BucketDeadlinesValidator : AbstractValidator<BucketDeadlinesQuery>
{
    public const int MaxItems = 10_000;

    public BucketDeadlinesValidator()
    {
        RuleFor(q => q.Deadlines).NotNull().WithMessage("请提供期限清单（deadlines）")
            .Must(d => d is null || d.Count <= MaxItems).WithMessage($"期限清单过长（最多 {MaxItems} 项）");
        RuleForEach(q => q.Deadlines).ChildRules(item =>
        {
            item.RuleFor(i => i.Key).NotEmpty().WithMessage("每项期限须有标识（key）");
            item.RuleFor(i => i.DueOn).Must(d => d >= PlausibleDates.Earliest && d.Year <= CalendarRules.LastYear)
                .WithMessage(i => $"期限「{i.Title}」的到期日 {i.DueOn:yyyy-MM-dd} 不在 {PlausibleDates.Earliest.Year} 至 {CalendarRules.LastYear} 年之间");
        });
        RuleFor(q => q.SoonWithinWorkingDays).InclusiveBetween(0, 30)
            .WithMessage("“即将到期”的工作日数（soonWithinWorkingDays）应在 0 至 30 之间");
    }
}
