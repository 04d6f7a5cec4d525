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

    private void RequireStatus(params string[] allowed) =>
        AssessmentRule.Check(!allowed.Contains(Status), AssessmentCodes.WrongStatus, AssessmentClauses.Management,
            $"申请当前状态为「{ApplicationStatuses.ChineseName(Status)}」，不能执行此操作（需为：{string.Join("、", allowed.Select(ApplicationStatuses.ChineseName))}）");
}
