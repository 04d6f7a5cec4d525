using FluentValidation;

namespace LtcInsurance.Application.Import.ResumeRegisterImport;

internal sealed class ResumeRegisterImportValidator : AbstractValidator<ResumeRegisterImportCommand>
{
    public ResumeRegisterImportValidator() =>
        RuleFor(r => r.JobId).NotEmpty().WithMessage("请指定导入任务。");
}
