using FluentValidation;
using LtcInsurance.Application.Import;

namespace LtcInsurance.Application.ContributionBases.StartBaseImport;

internal sealed class StartBaseImportValidator : AbstractValidator<StartBaseImportCommand>
{
    public StartBaseImportValidator()
    {
        RuleFor(r => r.File).NotNull().WithMessage("请提供要导入的文件。")
            .Must(f => f.CanRead).When(r => r.File is not null).WithMessage("导入文件无法读取。");
        RuleFor(r => r.FileName).NotEmpty().WithMessage("请提供文件名。")
            .Must(n => RegisterFileFormats.Of(n) is not null).WithMessage("不支持的文件类型，请上传 CSV 或 XLSX 文件。");
    }
}
