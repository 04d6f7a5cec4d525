using FluentValidation;

namespace LtcInsurance.Application.Import.WriteImportChangeReport;

internal sealed class WriteImportChangeReportValidator : AbstractValidator<WriteImportChangeReportQuery>
{
    public WriteImportChangeReportValidator()
    {
        RuleFor(r => r.JobId).NotEmpty().WithMessage("请指定导入任务。");
        RuleFor(r => r.Output).NotNull().WithMessage("请指定输出。");
    }
}
