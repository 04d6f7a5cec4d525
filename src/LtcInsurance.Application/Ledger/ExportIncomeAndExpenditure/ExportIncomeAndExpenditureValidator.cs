using FluentValidation;

namespace LtcInsurance.Application.Ledger.ExportIncomeAndExpenditure;

internal sealed class ExportIncomeAndExpenditureValidator : AbstractValidator<ExportIncomeAndExpenditureQuery>
{
    public ExportIncomeAndExpenditureValidator()
    {
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式应为 CSV 或 Excel。");
        RuleFor(q => q.Year).InclusiveBetween(LedgerYears.First, LedgerYears.Last).WithMessage(LedgerYears.Message);
    }
}
