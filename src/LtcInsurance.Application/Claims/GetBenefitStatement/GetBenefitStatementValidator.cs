using FluentValidation;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Claims.GetBenefitStatement;

internal sealed class GetBenefitStatementValidator : AbstractValidator<GetBenefitStatementQuery>
{
    public GetBenefitStatementValidator()
    {
        RuleFor(q => q.PersonId).NotEmpty().WithMessage("未指定参保人员");
        RuleFor(q => q.Month).Must(m => Month.TryParse(m?.Trim(), out _)).WithMessage("月份应写作 YYYY-MM");
    }
}
