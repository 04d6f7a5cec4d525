using FluentValidation;
using LtcInsurance.Application.Policies.ListPolicyParameters;

namespace LtcInsurance.Application.Policies.ListParameterStatus;

internal sealed class ListParameterStatusValidator : AbstractValidator<ListParameterStatusQuery>
{
    public ListParameterStatusValidator() =>
        RuleFor(q => q.Topic).Must(t => t is null || ParameterTopics.Ordered.Contains(t))
            .WithMessage(q => $"主题（topic）「{q.Topic}」未知（可用：{string.Join("、", ParameterTopics.Ordered)}）");
}
