using FluentValidation;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Contributions.ListReceivables;

internal sealed class ListReceivablesValidator : AbstractValidator<ListReceivablesQuery>
{
    public ListReceivablesValidator()
    {
        RuleFor(q => q.Period).MaximumLength(7).WithMessage("期间格式应为 YYYY 或 YYYY-MM");
        RuleFor(q => q.Payer).Must(p => string.IsNullOrWhiteSpace(p) || Payer.TryFromCode(p.Trim(), out _))
            .WithMessage("缴费方不是已知的筹资渠道");
    }
}
