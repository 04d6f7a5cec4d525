using FluentValidation;

namespace LtcInsurance.Application.Ledger.ListEntryBills;

internal sealed class ListEntryBillsValidator : AbstractValidator<ListEntryBillsQuery>
{
    public ListEntryBillsValidator()
    {
        RuleFor(q => q.Sequence.Value).GreaterThanOrEqualTo(1).WithMessage("凭证号从 1 开始。")
            .OverridePropertyName(nameof(ListEntryBillsQuery.Sequence));
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("页码从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListEntryBillsQuery.MaxPageSize)
            .WithMessage($"每页条数须在 1 到 {ListEntryBillsQuery.MaxPageSize} 之间。");
    }
}
