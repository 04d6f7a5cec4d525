using FluentValidation;

namespace LtcInsurance.Application.Ledger.GetEntrySource;

internal sealed class GetEntrySourceValidator : AbstractValidator<GetEntrySourceQuery>
{
    public GetEntrySourceValidator() =>
        RuleFor(q => q.Sequence.Value).GreaterThanOrEqualTo(1).WithMessage("凭证号从 1 开始。")
            .OverridePropertyName(nameof(GetEntrySourceQuery.Sequence));
}
