using System.Globalization;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Assessment;

/// <summary>
/// An application for a disability assessment (评估申请) and its path: registered, accepted or refused or incomplete,
/// withdrawn when not completed in time, assigned to an agency, assessed on site, concluded. The conclusion's day, level
/// and instrument are recorded here; validity, publicity and entitlement are later steps.
/// </summary>
public sealed class AssessmentApplication : ITenantOwned
{
    private AssessmentApplication()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    /// <summary>One of <see cref="ApplicantKinds"/>.</summary>
    public string ApplicantKind { get; private init; } = "";

    /// <summary>Who applied (the person, the family member, or the institution's contact).</summary>
    public string ApplicantName { get; private init; } = "";

    /// <summary>The care institution applying on the person's behalf.</summary>
    public Guid? ApplyingInstitutionId { get; private init; }

    /// <summary>The institution that currently cares for the person, as declared (三方分离: it may not assess them).</summary>
    public Guid? CareInstitutionId { get; private init; }

    public DateOnly AppliedOn { get; private init; }

    /// <summary>Since when the person has been disabled, as the medical records say (for the 6-month rule).</summary>
    public DateOnly? DisabledSince { get; private init; }

    /// <summary>The applicant states that the condition changed markedly since the last conclusion.</summary>
    public bool ConditionChanged { get; private init; }

    /// <summary>The checklist of documents provided (<see cref="ApplicationDocuments"/> codes).</summary>
    public string[] ProvidedDocuments { get; private set; } = [];

    /// <summary>One of <see cref="ApplicationStatuses"/>.</summary>
    public string Status { get; private set; } = ApplicationStatuses.Registered;

    /// <summary>The day acceptance must be decided by (5 working days, 经办规程).</summary>
    public DateOnly AcceptanceDueOn { get; private init; }

    /// <summary>An application not completed by this day counts as withdrawn (the tenant's period).</summary>
    public DateOnly CompleteBy { get; private init; }

    public string? DecisionCode { get; private set; }

    public string? DecisionClause { get; private set; }

    /// <summary>The notice read to the applicant (refusal, missing documents, acceptance, withdrawal).</summary>
    public string? DecisionMessage { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public Guid? AgencyId { get; private set; }

    public DateOnly? AssignedOn { get; private set; }

    public DateOnly? AssessmentDueOn { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    public int? ConclusionLevel { get; private set; }

    public string? ConclusionLevelLabel { get; private set; }

    public string? ConclusionInstrument { get; private set; }

    /// <summary>One of <see cref="ApplicationKinds"/>: a first assessment, or the 复评 opened by an objection.</summary>
    public string Kind { get; private init; } = ApplicationKinds.Initial;

    /// <summary>For a 复评: the application whose conclusion was objected to.</summary>
    public Guid? ReviewOfId { get; private init; }

    /// <summary>For a 复评: the first agency, which may not be assigned (回避).</summary>
    public Guid? RecusedAgencyId { get; private init; }

    /// <summary>For a 复评: the first assessment's staff and confirming experts, who may not take part (回避).</summary>
    public Guid[] RecusedStaffIds { get; private init; } = [];

    /// <summary>Publicity (公示) of the conclusion, both days included; none for a 复评 conclusion (final).</summary>
    public DateOnly? PublicityFrom { get; private set; }

    public DateOnly? PublicityTo { get; private set; }

    /// <summary>The day an objection (异议) to this conclusion was lodged, its reason and the 复评 it opened.</summary>
    public DateOnly? ObjectedOn { get; private set; }

    public string? ObjectionReason { get; private set; }

    public Guid? ReviewApplicationId { get; private set; }

    /// <summary>The conclusion letter must be delivered by this day (the tenant's assessmentDeliveryWorkingDays after acceptance, default 30, 29号).</summary>
    public DateOnly? DeliveryDueOn { get; private set; }

    /// <summary>Delivery (送达) of the conclusion letter: the day and one of <see cref="DeliveryMethods"/>.</summary>
    public DateOnly? DeliveredOn { get; private set; }

    public string? DeliveryMethod { get; private set; }

    public bool IsReview => Kind == ApplicationKinds.Review;

    public string RegisteredBy { get; private init; } = "";

    public DateTimeOffset RegisteredAt { get; private init; }

    public bool IsOpen => ApplicationStatuses.Open.Contains(Status);

    public static AssessmentApplication Register(
        string tenantId, Guid personId, string applicantKind, string applicantName, Guid? applyingInstitutionId, Guid? careInstitutionId,
        DateOnly appliedOn, DateOnly? disabledSince, bool conditionChanged, IEnumerable<string> documents,
        DateOnly acceptanceDueOn, DateOnly completeBy, string registeredBy, DateTimeOffset registeredAt)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new AssessmentApplication
        {
            TenantId = tenantId,
            PersonId = personId,
            ApplicantKind = applicantKind,
            ApplicantName = applicantName,
            ApplyingInstitutionId = applyingInstitutionId,
            CareInstitutionId = careInstitutionId,
            AppliedOn = appliedOn,
            DisabledSince = disabledSince,
            ConditionChanged = conditionChanged,
            ProvidedDocuments = [.. documents.Distinct().Order(StringComparer.Ordinal)],
            AcceptanceDueOn = acceptanceDueOn,
            CompleteBy = completeBy,
            RegisteredBy = registeredBy,
            RegisteredAt = registeredAt,
        };
    }

    /// <summary>Adds documents to the checklist while the application awaits acceptance.</summary>
    public void AddDocuments(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        RequireStatus(ApplicationStatuses.Registered, ApplicationStatuses.Incomplete);
        ProvidedDocuments = [.. ProvidedDocuments.Concat(documents).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Records the acceptance decision. Past <see cref="CompleteBy"/> an application still waiting counts as withdrawn
    /// instead, whatever the decision would have been.
    /// </summary>
    public void Decide(AcceptanceDecision decision, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(decision);
        RequireStatus(ApplicationStatuses.Registered, ApplicationStatuses.Incomplete);
        Status = decision.Outcome switch
        {
            AcceptanceDecision.Accept => ApplicationStatuses.Accepted,
            AcceptanceDecision.Refuse => ApplicationStatuses.Refused,
            _ => ApplicationStatuses.Incomplete,
        };
        DecisionCode = decision.Code;
        DecisionClause = decision.Clause;
        DecisionMessage = decision.Message;
        DecidedOn = on;
    }

    /// <summary>True when the application waits past <see cref="CompleteBy"/> on <paramref name="on"/>.</summary>
    public bool LapsedOn(DateOnly on) =>
        Status is ApplicationStatuses.Registered or ApplicationStatuses.Incomplete && on > CompleteBy;

    /// <summary>Marks a lapsed application as withdrawn (视为撤回).</summary>
    public void Withdraw(DateOnly on, string clause)
    {
        RequireStatus(ApplicationStatuses.Registered, ApplicationStatuses.Incomplete);
        Status = ApplicationStatuses.Withdrawn;
        DecisionCode = AssessmentCodes.CompletionPeriodPassed;
        DecisionClause = clause;
        DecisionMessage = $"申请未在 {CompleteBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 前补齐完成，视为撤回（依据 {clause}）";
        DecidedOn = on;
    }

    /// <summary>Assigns the accepted application to an agency (checked by <see cref="AssessmentAgency.CheckMayAssess"/>).</summary>
    public void AssignTo(AssessmentAgency agency, DateOnly on, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(agency);
        RequireStatus(ApplicationStatuses.Accepted, ApplicationStatuses.Assigned);
        AssessmentRule.Check(RecusedAgencyId == agency.Id, AssessmentCodes.ReviewAgencyRecused, AssessmentClauses.Review,
            $"评估机构 {agency.Name} 作出了被提出异议的原结论，复评须由其他评估机构进行（依据 {AssessmentClauses.Review}）");
        agency.CheckMayAssess(this, on);
        AssessmentRule.Check(dueOn < on, "invalid_due_date", AssessmentClauses.OnSite, "评估完成期限不能早于委派日期");
        AgencyId = agency.Id;
        AssignedOn = on;
        AssessmentDueOn = dueOn;
        Status = ApplicationStatuses.Assigned;
    }

    internal void MarkAssessed()
    {
        RequireStatus(ApplicationStatuses.Assigned);
        Status = ApplicationStatuses.Assessed;
    }

    internal void Conclude(DateOnly on, int? level, string? levelLabel, string instrument)
    {
        RequireStatus(ApplicationStatuses.Assessed);
        Status = ApplicationStatuses.Concluded;
        ConcludedOn = on;
        ConclusionLevel = level;
        ConclusionLevelLabel = levelLabel;
        ConclusionInstrument = instrument;
    }

    /// <summary>The day the conclusion letter is due (set on acceptance, or when a 复评 is opened).</summary>
    public void SetDeliveryDue(DateOnly dueOn) => DeliveryDueOn = dueOn;

    /// <summary>Publicises the conclusion from <paramref name="from"/> to <paramref name="to"/>; a 复评 conclusion is final and not publicised.</summary>
    public void Publicise(DateOnly from, DateOnly to)
    {
        RequireStatus(ApplicationStatuses.Concluded);
        AssessmentRule.Check(IsReview, AssessmentCodes.ReviewFinal, AssessmentClauses.Review,
            $"复评结论为最终结论，不再公示或受理异议（依据 {AssessmentClauses.Review}）");
        AssessmentRule.Check(PublicityFrom is not null, AssessmentCodes.PublicityStarted, AssessmentClauses.Review,
            $"该结论已于 {Day(PublicityFrom)} 至 {Day(PublicityTo)} 公示");
        AssessmentRule.Check(from < ConcludedOn, "invalid_publicity_date", AssessmentClauses.Review, "公示开始日期不能早于结论日期");
        PublicityFrom = from;
        PublicityTo = to;
    }

    /// <summary>
    /// Records an objection the engine accepted (during the publicity, not against a 复评) and opens the 复评: accepted at
    /// once, for the same person, with this application's agency and <paramref name="recusedStaff"/> recused.
    /// </summary>
    public AssessmentApplication OpenReview(DateOnly lodged, string reason, IEnumerable<Guid> recusedStaff, DateOnly deliveryDueOn, string clause,
        string registeredBy, DateTimeOffset registeredAt)
    {
        ArgumentNullException.ThrowIfNull(recusedStaff);
        RequireStatus(ApplicationStatuses.Concluded);
        AssessmentRule.Check(ObjectedOn is not null, AssessmentCodes.ObjectionLodged, clause,
            $"该结论已于 {Day(ObjectedOn)} 提出异议并进入复评，不再重复受理");
        ObjectedOn = lodged;
        ObjectionReason = reason;
        var review = new AssessmentApplication
        {
            TenantId = TenantId,
            PersonId = PersonId,
            ApplicantKind = ApplicantKind,
            ApplicantName = ApplicantName,
            ApplyingInstitutionId = ApplyingInstitutionId,
            CareInstitutionId = CareInstitutionId,
            AppliedOn = lodged,
            DisabledSince = DisabledSince,
            ConditionChanged = ConditionChanged,
            ProvidedDocuments = ProvidedDocuments,
            Status = ApplicationStatuses.Accepted,
            AcceptanceDueOn = lodged,
            CompleteBy = lodged,
            DecisionCode = "objection_review",
            DecisionClause = clause,
            DecisionMessage = $"对 {Day(ConcludedOn)} 的评估结论提出异议，由其他评估机构及人员复评（原评估机构及人员回避），复评结论为最终结论（依据 {clause}）",
            DecidedOn = lodged,
            Kind = ApplicationKinds.Review,
            ReviewOfId = Id,
            RecusedAgencyId = AgencyId,
            RecusedStaffIds = [.. recusedStaff.Distinct()],
            DeliveryDueOn = deliveryDueOn,
            RegisteredBy = registeredBy,
            RegisteredAt = registeredAt,
        };
        ReviewApplicationId = review.Id;
        return review;
    }

    /// <summary>Records the delivery (送达) of the conclusion letter.</summary>
    public void RecordDelivery(DateOnly on, string method)
    {
        RequireStatus(ApplicationStatuses.Concluded);
        AssessmentRule.Check(!DeliveryMethods.All.Contains(method), "invalid_delivery_method", AssessmentClauses.Delivery,
            $"送达方式「{method}」未知（可用：{string.Join("、", DeliveryMethods.All)}）");
        AssessmentRule.Check(on < ConcludedOn, "invalid_delivery_date", AssessmentClauses.Delivery, "送达日期不能早于结论日期");
        AssessmentRule.Check(DeliveredOn is not null, AssessmentCodes.AlreadyDelivered, AssessmentClauses.Delivery,
            $"结论书已于 {Day(DeliveredOn)} 送达（{DeliveryMethods.ChineseName(DeliveryMethod!)}）");
        DeliveredOn = on;
        DeliveryMethod = method;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private void RequireStatus(params string[] allowed) =>
        AssessmentRule.Check(!allowed.Contains(Status), AssessmentCodes.WrongStatus, AssessmentClauses.Management,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(Status)}」，不能执行此操作（需为：{string.Join("、", allowed.Select(ApplicationStatuses.ChineseName))}）");
}
