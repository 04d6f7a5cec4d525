using FluentValidation;

namespace LtcInsurance.Application.Import.RunRegisterImport;

internal sealed class RunRegisterImportValidator : AbstractValidator<RunRegisterImportCommand>
{
    public RunRegisterImportValidator() => RuleFor(r => r.ImportId).NotEmpty().WithMessage("请指定导入任务。");
}
