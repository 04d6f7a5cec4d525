using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.RegisterApplication;

/// <summary>One open application per person; the deadlines come from the working calendar and the tenant's parameters.</summary>
internal sealed class RegisterApplicationCommandHandler(
    ILtcDbContext db, IPolicyEngine engine, IWorkingCalendar calendar, ICurrentUser user, IUserBindings bindings, TimeProvider clock)
    : IRequestHandler<RegisterApplicationCommand, ApplicationRegistered>
{
    public async Task<ApplicationRegistered> Handle(RegisterApplicationCommand request, CancellationToken cancellationToken)
    {
        var scope = await ApplicationScope.OfAsync(db, user, bindings, cancellationToken);
        if (!scope.All)
        {
            // a care institution's user applies only in its own institution's name (护理机构代为申请)
            AssessmentRule.Check(scope.InstitutionId is not { } own || own == Guid.Empty, AssessmentCodes.NotOwnInstitution, AssessmentClauses.Application,
                $"用户 {user.Name()} 未绑定本市的定点护理机构，不能登记评估申请");
            AssessmentRule.Check(request.ApplicantKind != ApplicantKinds.Institution || request.ApplyingInstitutionId != scope.InstitutionId,
                AssessmentCodes.NotOwnInstitution, AssessmentClauses.Application,
                "护理机构用户只能以本机构名义代为申请（申请人类型选「护理机构代为申请」，申请机构为本机构）");
        }

        // a re-assessment ordered after a spot check (抽查) is the bureau's own decision: its clerks register it
        AssessmentRule.Check(request.ApplicantKind == ApplicantKinds.Bureau && !user.User.IsInRole(Security.Roles.Clerk), AssessmentCodes.BureauOnly,
            AssessmentClauses.OrderedReassessment, "只有经办人员可以依抽查结果要求复评");
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var open = await db.Set<AssessmentApplication>()
            .AnyAsync(a => a.PersonId == person.Id && ApplicationStatuses.Open.Contains(a.Status), cancellationToken);
        AssessmentRule.Check(open, AssessmentCodes.ApplicationOpen, AssessmentClauses.Application,
            $"{person.Name} 已有一份办理中的评估申请，不能重复申请");
        foreach (var institution in new[] { request.ApplyingInstitutionId, request.CareInstitutionId }.OfType<Guid>().Distinct())
        {
            var exists = await db.Institutions.AnyAsync(i => i.Id == institution, cancellationToken);
            AssessmentRule.Check(!exists, AssessmentCodes.InstitutionNotFound, AssessmentClauses.Application, "未找到所指定的护理机构");
        }

        var tenant = person.TenantId;
        var completion = await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.ApplicationCompletionDays, request.AppliedOn, cancellationToken);
        var acceptance = await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.AcceptanceWorkingDays, request.AppliedOn, cancellationToken);
        var acceptanceDue = await calendar.AddWorkingDaysAsync(request.AppliedOn, (int)acceptance.Number, cancellationToken);
        var completeBy = request.AppliedOn.AddDays((int)completion.Number);
        var application = AssessmentApplication.Register(
            tenant, person.Id, request.ApplicantKind, request.ApplicantName.Trim(), request.ApplyingInstitutionId, request.CareInstitutionId,
            request.AppliedOn, request.DisabledSince, request.ConditionChanged, request.Documents, acceptanceDue, completeBy,
            user.Name(), clock.GetUtcNow());
        db.Set<AssessmentApplication>().Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return new ApplicationRegistered(application.Id, acceptanceDue, completeBy);
    }
}
