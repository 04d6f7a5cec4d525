using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Claims.DownloadBenefitStatement;

internal sealed class DownloadBenefitStatementValidator : AbstractValidator<DownloadBenefitStatementQuery>
{
    public DownloadBenefitStatementValidator()
    {
        RuleFor(q => q.PersonId).NotEmpty().WithMessage("请指定服务对象");
        RuleFor(q => q.Month).Must(m => Month.TryParse(m?.Trim(), out _)).WithMessage("月份应写作 YYYY-MM");
    }
}
