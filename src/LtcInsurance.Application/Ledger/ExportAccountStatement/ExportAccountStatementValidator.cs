using FluentValidation;

namespace LtcInsurance.Application.Ledger.ExportAccountStatement;

internal sealed class ExportAccountStatementValidator : AbstractValidator<ExportAccountStatementQuery>
{
    public ExportAccountStatementValidator()
    {
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式应为 CSV 或 Excel。");
        RuleFor(q => q.AccountCode)
            .NotEmpty().WithMessage("请指定科目代码。")
            .MaximumLength(ChartLimits.MaxCodeLength).WithMessage("科目代码过长。");
    }
}
