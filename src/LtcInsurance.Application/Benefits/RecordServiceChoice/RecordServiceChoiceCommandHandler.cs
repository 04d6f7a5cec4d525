using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Entitlement;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using EndReasons = LtcInsurance.Domain.Benefits.EntitlementEndReasons;

namespace LtcInsurance.Application.Benefits.RecordServiceChoice;

internal sealed class RecordServiceChoiceCommandHandler(ILtcDbContext db, ICurrentUser user, IPolicyEngine engine, TimeProvider clock)
    : IRequestHandler<RecordServiceChoiceCommand, EntitlementRecorded>
{
    public async Task<EntitlementRecorded> Handle(RecordServiceChoiceCommand request, CancellationToken cancellationToken)
    {
        var tenant = BenefitLookup.Tenant(db);
        var application = await db.Set<AssessmentApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken);
        BenefitRule.Check(application is null, BenefitCodes.ApplicationNotFound, BenefitClauses.Conclusion, "未找到该评估申请");
        var (kind, publicity) = CheckQualifying(application!, request.On);
        var record = await BenefitLookup.ConcludingRecordAsync(db, application!.Id, cancellationToken);
        BenefitRule.Check(record is not { EligibleForBenefit: true }, BenefitCodes.NotEligible, BenefitClauses.Conclusion,
            $"评估结论为「{application.ConclusionLevelLabel ?? "无等级"}」，未达到享受待遇的失能等级，不能派单（依据 {BenefitClauses.Conclusion}）");
        var concluded = application.ConcludedOn!.Value;

        // a later conclusion of the same person supersedes this one
        var later = await db.Set<AssessmentApplication>().AsNoTracking().AnyAsync(a => a.PersonId == application.PersonId
            && a.Id != application.Id && a.ReviewOfId != application.Id && a.Status == ApplicationStatuses.Concluded && a.ConcludedOn > concluded, cancellationToken);
        BenefitRule.Check(later, BenefitCodes.Superseded, BenefitClauses.Conclusion, "该人员已有更新的评估结论，请按最新结论派单");
        var existing = await db.Set<BenefitEntitlement>().AnyAsync(e => e.ApplicationId == application.Id, cancellationToken);
        BenefitRule.Check(existing, BenefitCodes.EntitlementExists, BenefitClauses.Handling, "该评估结论已派单并建立待遇资格");

        var mode = ServiceModes.Terms.Parse(request.ServiceMode, "服务方式");
        var cityModes = BenefitLookup.CityModes(tenant);
        BenefitRule.Check(!cityModes.Contains(mode), BenefitCodes.ModeNotOffered, mode.Clause(),
            $"本市未设「{mode.ChineseName()}」服务方式（本市可选：{string.Join("、", cityModes.Select(m => m.ChineseName()))}）");
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.InstitutionId, cancellationToken);
        BenefitRule.Check(institution is null, BenefitCodes.InstitutionNotFound, BenefitClauses.Handling, "未找到所选的定点服务机构");
        BenefitRule.Check(institution!.Status != InstitutionStatus.Active, BenefitCodes.InstitutionInactive, BenefitClauses.Handling,
            $"定点服务机构 {institution.Name} 当前不在协议服务状态，不能派单");
        BenefitRule.Check(!institution.ServiceModes.Contains(mode.Code()), BenefitCodes.InstitutionMode, BenefitClauses.Handling,
            $"定点服务机构 {institution.Name} 未获准提供「{mode.ChineseName()}」服务（准入服务方式：{string.Join("、", institution.ServiceModes.Select(Name))}）");

        var enrolment = await BenefitLookup.EnrolmentAsync(db, application.PersonId, cancellationToken);
        var death = await db.DeathRecords.AsNoTracking().Where(d => d.PersonId == application.PersonId)
            .Select(d => (DateOnly?)d.DateOfDeath).FirstOrDefaultAsync(cancellationToken);
        var severe = BenefitLookup.IsSevere(record!.LevelLabel);
        var (start, validity, intervals) = await BenefitLookup.RunAsync(engine, tenant, calculator =>
        {
            var rules = calculator.Entitlement(tenant);
            var start = rules.BenefitStart(concluded, kind, publicity, request.ServiceStart, enrolment, application.DisabledSince);
            var validity = rules.Validity(concluded, severe);
            var intervals = rules.Intervals(start.Value.EntitledFrom, validity.Value, new EntitlementEvents(Death: death), []);
            return (start, validity, intervals);
        }, cancellationToken);
        var span = intervals.Value.Span;
        BenefitRule.Check(span is null, BenefitCodes.NoEntitlementDays, BenefitClauses.Handling,
            $"待遇起始日 {BenefitLookup.Day(start.Value.EntitledFrom)} 之前待遇资格已终止（{EndReasonText(intervals.Value.EndReason)}），不能建立待遇资格");
        var trace = BenefitLookup.TraceJson([.. start.Trace, .. validity.Trace, .. intervals.Trace]);
        var now = clock.GetUtcNow();

        // the entitlement of an earlier conclusion ends the day before this one starts (new conclusion)
        var previous = await db.Set<BenefitEntitlement>()
            .Where(e => e.PersonId == application.PersonId && (e.To == null || e.To >= span!.From))
            .ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.End(span!.From.AddDays(-1), EndReasons.NewConclusion, BenefitLookup.AppendTrace(old.Trace, "end", start.Trace));
        }

        var entitlement = BenefitEntitlement.Grant(tenant, application.PersonId, application.Id, record.Level, BenefitLookup.LevelLabel(record),
            mode.Code(), institution.Id, span!.From, span.To, start.Value.WaitingPeriodUntil, trace, user.Name(), now);
        db.Set<BenefitEntitlement>().Add(entitlement);
        await db.SaveChangesAsync(cancellationToken);
        var waiting = entitlement.WaitingUntil is { } w ? $"，等待期至 {BenefitLookup.Day(w)}" : "";
        return new EntitlementRecorded(entitlement.Id, entitlement.From, entitlement.To, entitlement.WaitingUntil,
            $"已派单至 {institution.Name}（{mode.ChineseName()}）：待遇自 {BenefitLookup.Day(entitlement.From)} 起"
            + (entitlement.To is { } to ? $"至 {BenefitLookup.Day(to)}" : "") + waiting,
            previous.FirstOrDefault()?.Id);
    }

    /// <summary>The conclusion qualifies: concluded, and either a final 复评 or a first conclusion whose publicity ended without objection.</summary>
    private static (ConclusionKind Kind, PublicityPeriod? Publicity) CheckQualifying(AssessmentApplication application, DateOnly on)
    {
        BenefitRule.Check(application.Status != ApplicationStatuses.Concluded, BenefitCodes.NotConcluded, BenefitClauses.Conclusion,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，尚无评估结论，不能派单");
        if (application.IsReview)
            return (ConclusionKind.Review, null);
        BenefitRule.Check(application.ReviewApplicationId is not null, BenefitCodes.NotConcluded, BenefitClauses.Conclusion,
            $"该结论在公示期内被提出异议，须以复评结论为准（依据 {AssessmentClauses.Review}）");
        BenefitRule.Check(application.PublicityTo is null, BenefitCodes.PublicityRunning, BenefitClauses.Conclusion,
            $"该评估结论尚未公示，公示期满无异议后方可派单（依据 {BenefitClauses.Conclusion}）");
        BenefitRule.Check(on <= application.PublicityTo!.Value, BenefitCodes.PublicityRunning, BenefitClauses.Conclusion,
            $"评估结论公示期至 {BenefitLookup.Day(application.PublicityTo.Value)}，公示期满无异议后方可派单（依据 {BenefitClauses.Conclusion}）");
        var first = application.PublicityFrom!.Value;
        var last = application.PublicityTo.Value;
        return (ConclusionKind.Initial, new PublicityPeriod(first, last, last.DayNumber - first.DayNumber + 1, "recorded"));
    }

    private static string Name(string code) => ServiceModes.Terms.IsKnown(code) ? ServiceModes.Terms.Parse(code, "服务方式").ChineseName() : code;

    private static string EndReasonText(string reason) => reason switch
    {
        Domain.Policies.Entitlement.EntitlementEndReasons.ValidityEnd => "有效期届满",
        _ => EndReasons.ChineseName(reason),
    };
}
