using FluentValidation;

namespace LtcInsurance.Application.Contributions.RunCollectionImport;

internal sealed class RunCollectionImportValidator : AbstractValidator<RunCollectionImportCommand>
{
    public RunCollectionImportValidator() => RuleFor(r => r.ImportId).NotEmpty().WithMessage("请指定导入任务。");
}
