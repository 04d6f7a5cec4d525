using FluentValidation;

namespace LtcInsurance.Application.ContributionBases.RunBaseImport;

internal sealed class RunBaseImportValidator : AbstractValidator<RunBaseImportCommand>
{
    public RunBaseImportValidator() => RuleFor(r => r.JobId).NotEmpty().WithMessage("请指定导入任务。");
}
