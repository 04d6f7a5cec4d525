using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.ConfirmConclusion;

/// <summary>The confirming expert is the assessor registered under the signed-in user's name.</summary>
internal sealed class ConfirmConclusionCommandHandler(ILtcDbContext db, ICurrentUser user, IPolicyEngine engine, IWorkingCalendar calendar) : IRequestHandler<ConfirmConclusionCommand, ConclusionConfirmation>
{
    public async Task<ConclusionConfirmation> Handle(ConfirmConclusionCommand request, CancellationToken cancellationToken)
    {
        var record = await db.Set<OnSiteAssessment>().SingleOrDefaultAsync(r => r.Id == request.AssessmentId, cancellationToken);
        AssessmentRule.Check(record is null, AssessmentCodes.AssessmentNotFound, AssessmentClauses.Conclusion, "未找到该现场评估记录");
        var application = await AssessmentLookup.ApplicationAsync(db, record!.ApplicationId, cancellationToken);
        var userName = user.Name();
        var expert = await db.Set<Assessor>().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        AssessmentRule.Check(expert is null, AssessmentCodes.NotAnExpert, AssessmentClauses.Conclusion,
            $"当前用户 {userName} 未登记为评估专家，不能确认评估结论（依据 {AssessmentClauses.Conclusion}）");
        var related = (await AssessmentLookup.RelatedAssessorsAsync(db, application.PersonId, cancellationToken)).Contains(expert!.Id);
        var concluded = record.Confirm(application, expert, userName, related, request.On);
        if (concluded && !application.IsReview
            && await PublicitySchedule.TryComputeAsync(engine, calendar, application.TenantId, request.On, cancellationToken) is { } publicity)
            application.Publicise(publicity.First, publicity.Last);
        await db.SaveChangesAsync(cancellationToken);
        return concluded
            ? new ConclusionConfirmation(true, application.ConclusionLevel, application.ConclusionLevelLabel, application.ConcludedOn,
                $"评估结论已由两名评估专家确认：{application.ConclusionLevelLabel ?? "（量表无等级）"}"
                + (application.IsReview ? "（复评结论，为最终结论）" : application.PublicityFrom is null ? "；公示期参数未设置，请稍后开始公示" : ""),
                application.PublicityFrom, application.PublicityTo)
            : new ConclusionConfirmation(false, record.Level, record.LevelLabel, null, "已确认，尚需另一名评估专家确认");
    }
}
