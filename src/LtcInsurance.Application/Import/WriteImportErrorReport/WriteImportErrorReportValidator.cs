using FluentValidation;

namespace LtcInsurance.Application.Import.WriteImportErrorReport;

internal sealed class WriteImportErrorReportValidator : AbstractValidator<WriteImportErrorReportQuery>
{
    public WriteImportErrorReportValidator()
    {
        RuleFor(r => r.JobId).NotEmpty().WithMessage("请指定导入任务。");
        RuleFor(r => r.Output).NotNull().WithMessage("请提供错误报告的输出位置。")
            .Must(o => o.CanWrite).When(r => r.Output is not null).WithMessage("错误报告的输出位置不可写。");
    }
}
