using FluentValidation;

namespace LtcInsurance.Application.Ledger.ListJournalEntries;

internal sealed class ListJournalEntriesValidator : AbstractValidator<ListJournalEntriesQuery>
{
    public ListJournalEntriesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("页码应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListJournalEntriesQuery.MaxPageSize)
            .WithMessage($"每页条数应在 1 至 {ListJournalEntriesQuery.MaxPageSize} 之间。");
        RuleFor(q => q.Filter).ValidFilter();
        RuleFor(q => q.Sort).IsInEnum().WithMessage("排序方式无效。");
    }
}
