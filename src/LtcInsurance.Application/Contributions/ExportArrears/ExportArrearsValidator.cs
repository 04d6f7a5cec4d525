using FluentValidation;

namespace LtcInsurance.Application.Contributions.ExportArrears;

internal sealed class ExportArrearsValidator : AbstractValidator<ExportArrearsQuery>
{
    public ExportArrearsValidator()
    {
        RuleFor(q => q.Period).MaximumLength(7).WithMessage("期间格式应为 YYYY 或 YYYY-MM");
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式只能是 csv 或 xlsx");
    }
}
