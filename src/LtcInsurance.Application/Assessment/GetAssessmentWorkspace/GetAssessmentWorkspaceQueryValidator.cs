using FluentValidation;

namespace LtcInsurance.Application.Assessment.GetAssessmentWorkspace;

internal sealed class GetAssessmentWorkspaceQueryValidator : AbstractValidator<GetAssessmentWorkspaceQuery>
{
    public GetAssessmentWorkspaceQueryValidator()
    {
        RuleFor(q => q.ApplicationId).Must(id => id != Guid.Empty).WithMessage("评估申请编号无效");
    }
}
