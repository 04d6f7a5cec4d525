using FluentValidation;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Policies.GetCaseExample;

internal sealed class GetCaseExampleValidator : AbstractValidator<GetCaseExampleQuery>
{
    public GetCaseExampleValidator()
    {
        RuleFor(q => q.Kind).Must(CaseKinds.All.Contains)
            .WithMessage(q => $"未知的案例类型「{q.Kind}」（可用：{string.Join("、", CaseKinds.All)}）");
    }
}
