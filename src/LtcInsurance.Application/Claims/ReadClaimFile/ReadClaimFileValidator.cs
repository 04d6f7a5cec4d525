using FluentValidation;
using LtcInsurance.Application.Import;

namespace LtcInsurance.Application.Claims.ReadClaimFile;

internal sealed class ReadClaimFileValidator : AbstractValidator<ReadClaimFileQuery>
{
    public ReadClaimFileValidator()
    {
        RuleFor(q => q.File).NotNull().WithMessage("请选择申报文件");
        RuleFor(q => q.FileName).Must(n => RegisterFileFormats.Of(n) is not null).WithMessage("申报文件应为 .xlsx 或 .csv（可下载模板）");
    }
}
