using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import;

namespace LtcInsurance.Application.Providers.ImportServiceCatalogue;

internal sealed class ImportServiceCatalogueCommandValidator : AbstractValidator<ImportServiceCatalogueCommand>
{
    public ImportServiceCatalogueCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.File).NotNull().WithMessage("请选择文件");
        RuleFor(c => c.FileName).NotEmpty().WithMessage("请选择文件").MaximumLength(200).WithMessage("文件名不能超过 200 个字符")
            .Must(n => RegisterFileFormats.Of(n) is not null).WithMessage("只接受 .csv 或 .xlsx 文件（可下载模板）");
        RuleFor(c => c.ValidFrom).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("生效日期"));
    }
}
