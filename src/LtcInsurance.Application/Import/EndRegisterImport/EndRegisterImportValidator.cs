using FluentValidation;

namespace LtcInsurance.Application.Import.EndRegisterImport;

internal sealed class EndRegisterImportValidator : AbstractValidator<EndRegisterImportCommand>
{
    public EndRegisterImportValidator() => RuleFor(r => r.ImportId).NotEmpty().WithMessage("请指定导入任务。");
}
