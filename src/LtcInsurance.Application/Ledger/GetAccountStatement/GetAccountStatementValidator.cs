using FluentValidation;

namespace LtcInsurance.Application.Ledger.GetAccountStatement;

internal sealed class GetAccountStatementValidator : AbstractValidator<GetAccountStatementQuery>
{
    public GetAccountStatementValidator() =>
        RuleFor(q => q.AccountCode)
            .NotEmpty().WithMessage("请指定科目代码。")
            .MaximumLength(ChartLimits.MaxCodeLength).WithMessage("科目代码过长。");
}
