using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies.Entitlement;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.LodgeObjection;

/// <summary>The engine's objection rule decides; the recused staff are the first assessment's staff on site and its confirming experts.</summary>
internal sealed class LodgeObjectionCommandHandler(
    ILtcDbContext db, IPolicyEngine engine, IWorkingCalendar calendar, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<LodgeObjectionCommand, ObjectionRecorded>
{
    public async Task<ObjectionRecorded> Handle(LodgeObjectionCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        AssessmentRule.Check(application.Status != ApplicationStatuses.Concluded, AssessmentCodes.NotConcluded, AssessmentClauses.Review,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，尚未作出评估结论，不能提出异议");
        AssessmentRule.Check(!application.IsReview && application.PublicityFrom is null, AssessmentCodes.NotPublicised, AssessmentClauses.Review,
            $"该评估结论尚未公示，异议须在公示期内提出（依据 {AssessmentClauses.Review}）");

        // a 复评 conclusion is not publicised: the engine refuses it as final whatever the period
        var concluded = application.ConcludedOn!.Value;
        var period = application.IsReview
            ? new PublicityPeriod(concluded, concluded, 1, EntitlementParameters.CalendarDays)
            : new PublicityPeriod(application.PublicityFrom!.Value, application.PublicityTo!.Value,
                application.PublicityTo.Value.DayNumber - application.PublicityFrom.Value.DayNumber + 1, EntitlementParameters.CalendarDays);
        RuleDecision decision;
        try
        {
            var calculator = await engine.ForTenantAsync(application.TenantId, null, cancellationToken);
            decision = calculator.Entitlement(application.TenantId)
                .Objection(period, application.IsReview ? ConclusionKind.Review : ConclusionKind.Initial, request.LodgedOn).Value;
        }
        catch (PolicyException e)
        {
            throw AssessmentLookup.Refusal(e);
        }

        AssessmentRule.Check(!decision.Allowed, decision.Refusal ?? AssessmentCodes.ReviewFinal, decision.Clause, decision.Message);

        var records = await db.Set<OnSiteAssessment>().Where(r => r.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var recused = records.SelectMany(r => r.StaffIds.Concat(new[] { r.FirstExpertId, r.SecondExpertId }.OfType<Guid>())).ToList();
        var deliveryDue = await PublicitySchedule.DeliveryDueAsync(engine, calendar, application.TenantId, request.LodgedOn, cancellationToken);
        var review = application.OpenReview(request.LodgedOn, request.Reason.Trim(), recused, deliveryDue, decision.Clause, user.Name(), clock.GetUtcNow());
        db.Set<AssessmentApplication>().Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return new ObjectionRecorded(review.Id, decision.Clause, decision.Message);
    }
}
