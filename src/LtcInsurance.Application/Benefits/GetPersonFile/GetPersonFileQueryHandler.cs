using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits.GetPersonFile;

internal sealed class GetPersonFileQueryHandler(ILtcDbContext db, TimeProvider clock, IAuditTrail audit) : IRequestHandler<GetPersonFileQuery, PersonFile>
{
    public async Task<PersonFile> Handle(GetPersonFileQuery request, CancellationToken cancellationToken)
    {
        var person = await BenefitLookup.PersonAsync(db, request.Person.Value, cancellationToken);
        // A person's file (assessments, entitlements, care plans, hospital stays) is full personal data: each view is on record.
        audit.Viewed("person.file", "Person", person.Id.ToString());
        var applications = await db.Set<AssessmentApplication>().AsNoTracking().Where(a => a.PersonId == person.Id).ToListAsync(cancellationToken);
        var ids = applications.Select(a => a.Id).ToList();
        var records = await db.Set<OnSiteAssessment>().AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(cancellationToken);
        var agencies = await db.Set<AssessmentAgency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking().Where(e => e.PersonId == person.Id).OrderBy(e => e.From).ToListAsync(cancellationToken);
        var entitlementIds = entitlements.Select(e => e.Id).ToList();
        var plans = await db.Set<CarePlan>().AsNoTracking().Include(p => p.Items).Where(p => entitlementIds.Contains(p.EntitlementId)).ToListAsync(cancellationToken);
        var stays = await db.Set<HospitalStayRecord>().AsNoTracking().Where(s => s.PersonId == person.Id).OrderBy(s => s.Admitted).ToListAsync(cancellationToken);
        var institutionIds = entitlements.Select(e => e.InstitutionId).OfType<Guid>().Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);

        var events = new List<PersonFileEvent>();
        foreach (var a in applications)
        {
            var review = a.IsReview ? "复评" : "评估";
            events.Add(new(a.AppliedOn, "application", a.IsReview ? "复评申请" : "评估申请", $"申请人：{a.ApplicantName}", a.Id));
            if (a.DecidedOn is { } decided)
                events.Add(new(decided, "decision", $"受理决定：{ApplicationStatuses.ChineseName(a.Status == ApplicationStatuses.Concluded || a.AgencyId is not null ? ApplicationStatuses.Accepted : a.Status)}", a.DecisionMessage ?? "", a.Id));
            foreach (var r in records.Where(r => r.ApplicationId == a.Id))
                events.Add(new(r.AssessedOn, "assessment", $"现场{review}", $"{(agencies.TryGetValue(r.AgencyId, out var n) ? n : "")}：{r.LevelLabel ?? "无等级"}", a.Id));
            if (a.ConcludedOn is { } concluded)
                events.Add(new(concluded, "conclusion", $"{review}结论：{a.ConclusionLevelLabel ?? "无等级"}", a.IsReview ? "复评结论为最终结论" : "", a.Id));
            if (a.PublicityFrom is { } pf && a.PublicityTo is { } pt)
                events.Add(new(pf, "publicity", "结论公示", $"{BenefitLookup.Day(pf)} 至 {BenefitLookup.Day(pt)}", a.Id));
            if (a.ObjectedOn is { } objected)
                events.Add(new(objected, "objection", "提出异议", a.ObjectionReason ?? "", a.Id));
            if (a.DeliveredOn is { } delivered)
                events.Add(new(delivered, "delivery", "结论书送达", a.DeliveryMethod ?? "", a.Id));
        }

        var views = new List<EntitlementView>();
        foreach (var e in entitlements)
        {
            var institution = e.InstitutionId is { } iid && institutions.TryGetValue(iid, out var name) ? name : null;
            var modeName = ServiceModes.Terms.TryParse(e.ServiceMode, out var mode) ? mode.ChineseName() : e.ServiceMode;
            events.Add(new(e.From, "entitlement", $"待遇资格：{e.LevelLabel}",
                $"{modeName}，{institution}；{BenefitLookup.Day(e.From)} 至 {(e.To is { } to ? BenefitLookup.Day(to) : "长期")}"
                + (e.WaitingUntil is { } w ? $"，等待期至 {BenefitLookup.Day(w)}" : ""), e.Id));
            if (e.EndReason is { } reason && e.To is { } last)
                events.Add(new(last, "entitlement_end", "待遇资格终止", EntitlementEndReasons.ChineseName(reason), e.Id));
            var planViews = new List<CarePlanView>();
            foreach (var p in plans.Where(p => p.EntitlementId == e.Id).OrderBy(p => p.From))
            {
                events.Add(new(p.From, "care_plan", "护理服务计划", $"{p.Items.Count} 个服务项目，制定人 {p.DraftedBy}", p.Id));
                if (p.ConfirmedByInsuredOn is { } confirmed)
                    events.Add(new(confirmed, "care_plan_confirmed", "参保人确认护理服务计划", "", p.Id));
                planViews.Add(new(p.Id, p.From, p.To, p.DraftedBy, p.ConfirmedByInsuredOn,
                    [.. p.Items.Select(i => new CarePlanItemView(i.ItemCode, i.Frequency, i.FrequencyUnit, i.DurationMinutes))]));
            }

            views.Add(new(e.Id, e.ApplicationId, e.Level, e.LevelLabel, e.ServiceMode, modeName, e.InstitutionId, institution,
                e.From, e.To, e.WaitingUntil, e.EndReason, e.Trace, planViews));
        }

        foreach (var s in stays)
        {
            events.Add(new(s.Admitted, "admission", "入院", s.Hospital, s.Id));
            if (s.Discharged is { } discharged)
                events.Add(new(discharged, "discharge", "出院", s.Hospital, s.Id));
        }

        var today = Common.Validation.PlausibleDates.Today(clock);
        var qualifying = applications
            .Where(a => a.Status == ApplicationStatuses.Concluded && entitlements.All(e => e.ApplicationId != a.Id)
                        && records.Any(r => r.ApplicationId == a.Id && r.EligibleForBenefit && r.SecondConfirmedBy != null))
            .Select(a => new QualifyingConclusion(a.Id, a.ConclusionLevelLabel ?? "", a.ConcludedOn!.Value, NotReady(a, today) is null, NotReady(a, today)))
            .Where(q => applications.All(o => o.ReviewOfId != q.ApplicationId || o.Status != ApplicationStatuses.Concluded))
            .ToList();

        return new PersonFile(person.Id, person.Name, person.IdNumber.Masked,
            [.. events.OrderBy(e => e.Date).ThenBy(e => Order(e.Kind))], views,
            [.. stays.Select(s => new HospitalStayView(s.Id, s.Admitted, s.Discharged, s.Hospital))], qualifying,
            [.. BenefitLookup.CityModes(BenefitLookup.Tenant(db)).Select(m => m.Code())]);
    }

    private static string? NotReady(AssessmentApplication a, DateOnly today) =>
        a.IsReview ? null
        : a.ReviewApplicationId is not null ? "已提出异议，以复评结论为准"
        : a.PublicityTo is null ? "尚未公示"
        : a.PublicityTo >= today ? $"公示期至 {BenefitLookup.Day(a.PublicityTo.Value)}"
        : null;

    private static int Order(string kind) => kind switch
    {
        "application" => 0, "decision" => 1, "assessment" => 2, "conclusion" => 3, "publicity" => 4, "objection" => 5,
        "delivery" => 6, "admission" => 7, "discharge" => 8, "entitlement_end" => 9, "entitlement" => 10,
        "care_plan" => 11, _ => 12,
    };
}
