using FluentValidation;

namespace LtcInsurance.Application.Claims.DownloadProviderStatement;

internal sealed class DownloadProviderStatementValidator : AbstractValidator<DownloadProviderStatementQuery>
{
    public DownloadProviderStatementValidator()
    {
        RuleFor(q => q.ClaimId).NotEmpty().WithMessage("请指定结算申报");
        RuleFor(q => q.Format).Must(f => f is "pdf" or "xlsx").WithMessage("结算单格式应为 pdf 或 xlsx");
    }
}
