using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Claims.GetProviderStatement;

internal sealed class GetProviderStatementValidator : AbstractValidator<GetProviderStatementQuery>
{
    public GetProviderStatementValidator()
    {
        RuleFor(q => q.ProviderCode).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length <= 32).WithMessage("请填写机构编码");
        RuleFor(q => q.Month).Must(m => Month.TryParse(m?.Trim(), out _)).WithMessage("月份应写作 YYYY-MM");
    }
}
