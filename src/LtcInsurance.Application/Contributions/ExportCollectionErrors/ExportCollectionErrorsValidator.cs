using FluentValidation;

namespace LtcInsurance.Application.Contributions.ExportCollectionErrors;

internal sealed class ExportCollectionErrorsValidator : AbstractValidator<ExportCollectionErrorsQuery>
{
    public ExportCollectionErrorsValidator()
    {
        RuleFor(q => q.ImportId).NotEmpty().WithMessage("请指定导入任务。");
        RuleFor(q => q.Format).IsInEnum().WithMessage("导出格式只能是 csv 或 xlsx");
    }
}
