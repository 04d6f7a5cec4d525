using FluentValidation;

namespace LtcInsurance.Application.Ledger.ExportRegionBalances;

internal sealed class ExportRegionBalancesValidator : AbstractValidator<ExportRegionBalancesQuery>
{
    public ExportRegionBalancesValidator()
    {
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式应为 CSV 或 Excel。");
    }
}
