using System.Globalization;
using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies.Entitlement;

namespace LtcInsurance.Application.Assessment.StartPublicity;

internal sealed class StartPublicityCommandHandler(ILtcDbContext db, IPolicyEngine engine, IWorkingCalendar calendar)
    : IRequestHandler<StartPublicityCommand, PublicityStarted>
{
    public async Task<PublicityStarted> Handle(StartPublicityCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        AssessmentRule.Check(application.Status != ApplicationStatuses.Concluded, AssessmentCodes.NotConcluded, AssessmentClauses.Review,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，尚未作出评估结论，不能公示");
        var period = await PublicitySchedule.ComputeAsync(engine, calendar, application.TenantId, request.StartOn, cancellationToken);
        application.Publicise(period.First, period.Last);
        await db.SaveChangesAsync(cancellationToken);
        var unit = period.Counting == EntitlementParameters.WorkingDays ? "个工作日" : "天";
        return new PublicityStarted(period.First, period.Last, period.Days, period.Counting,
            $"评估结论公示 {period.Days} {unit}：{Day(period.First)} 至 {Day(period.Last)}，公示期内可提出异议");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
