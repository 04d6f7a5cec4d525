using FluentValidation;

namespace LtcInsurance.Application.Ledger.GetJournalEntry;

internal sealed class GetJournalEntryValidator : AbstractValidator<GetJournalEntryQuery>
{
    public GetJournalEntryValidator() =>
        RuleFor(q => q.Sequence.Value).GreaterThanOrEqualTo(1).WithMessage("凭证号从 1 开始。")
            .OverridePropertyName(nameof(GetJournalEntryQuery.Sequence));
}
