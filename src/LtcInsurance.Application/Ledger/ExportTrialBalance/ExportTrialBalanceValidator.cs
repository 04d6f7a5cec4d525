using FluentValidation;

namespace LtcInsurance.Application.Ledger.ExportTrialBalance;

internal sealed class ExportTrialBalanceValidator : AbstractValidator<ExportTrialBalanceQuery>
{
    public ExportTrialBalanceValidator()
    {
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式应为 CSV 或 Excel。");
    }
}
