using FluentValidation;

namespace LtcInsurance.Application.Policies.GetParameterHistory;

internal sealed class GetParameterHistoryValidator : AbstractValidator<GetParameterHistoryQuery>
{
    public GetParameterHistoryValidator() =>
        RuleFor(q => q.Name).NotEmpty().WithMessage("请填写参数名（name）").MaximumLength(100).WithMessage("参数名（name）过长");
}
