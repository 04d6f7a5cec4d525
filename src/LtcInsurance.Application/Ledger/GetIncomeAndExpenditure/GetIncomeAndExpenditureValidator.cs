using FluentValidation;

namespace LtcInsurance.Application.Ledger.GetIncomeAndExpenditure;

internal sealed class GetIncomeAndExpenditureValidator : AbstractValidator<GetIncomeAndExpenditureQuery>
{
    public GetIncomeAndExpenditureValidator() =>
        RuleFor(q => q.Year).InclusiveBetween(LedgerYears.First, LedgerYears.Last).WithMessage(LedgerYears.Message);
}
