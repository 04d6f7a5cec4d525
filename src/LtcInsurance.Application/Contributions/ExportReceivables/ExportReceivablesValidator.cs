using FluentValidation;

namespace LtcInsurance.Application.Contributions.ExportReceivables;

internal sealed class ExportReceivablesValidator : AbstractValidator<ExportReceivablesQuery>
{
    public ExportReceivablesValidator()
    {
        RuleFor(q => q.Period).MaximumLength(7).WithMessage("期间格式应为 YYYY 或 YYYY-MM");
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式只能是 csv 或 xlsx");
    }
}
