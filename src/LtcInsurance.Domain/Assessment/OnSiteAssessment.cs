using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Assessment;

/// <summary>What the instrument made of the item scores (from the policy engine): level, label, totals and the trace.</summary>
public sealed record ScoredSheet(string Instrument, string ItemsJson, string TotalsJson, int? Level, string? LevelLabel, bool EligibleForBenefit, string TraceJson);

/// <summary>
/// One on-site assessment (现场评估) of an assigned application: who was on site, who attended for the person, references to
/// the photos and video, the item scores with the level computed by the tenant's instrument and its trace, then the
/// conclusion confirmed by two experts who are two different users (29号).
/// </summary>
public sealed class OnSiteAssessment : ITenantOwned
{
    private OnSiteAssessment()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid ApplicationId { get; private init; }

    public Guid AgencyId { get; private init; }

    public DateOnly AssessedOn { get; private init; }

    /// <summary>The assessors on site (at least two, at least one expert).</summary>
    public Guid[] StaffIds { get; private init; } = [];

    /// <summary>The guardian or agent present, and their relation to the person.</summary>
    public string AttendantName { get; private init; } = "";

    public string AttendantRelation { get; private init; } = "";

    /// <summary>References to the photos and video of the visit (file names or archive numbers, as text).</summary>
    public string EvidenceReferences { get; private init; } = "";

    public string Instrument { get; private init; } = "";

    /// <summary>The item scores as JSON (item code → score).</summary>
    public string Items { get; private init; } = "{}";

    /// <summary>Totals per indicator as JSON.</summary>
    public string Totals { get; private init; } = "{}";

    public int? Level { get; private init; }

    public string? LevelLabel { get; private init; }

    public bool EligibleForBenefit { get; private init; }

    /// <summary>The engine's trace: instrument check, scoring, threshold.</summary>
    public string Trace { get; private init; } = "{}";

    public string RecordedBy { get; private init; } = "";

    public DateTimeOffset RecordedAt { get; private init; }

    public Guid? FirstExpertId { get; private set; }

    public string? FirstConfirmedBy { get; private set; }

    public DateOnly? FirstConfirmedOn { get; private set; }

    public Guid? SecondExpertId { get; private set; }

    public string? SecondConfirmedBy { get; private set; }

    public DateOnly? SecondConfirmedOn { get; private set; }

    public bool IsConfirmed => SecondConfirmedBy is not null;

    /// <summary>
    /// Records the visit. The staff must be at least two distinct assessors of the assigned agency, one an expert, none
    /// with a declared relation to the person (<paramref name="relatedAssessorIds"/>).
    /// </summary>
    public static OnSiteAssessment Record(
        AssessmentApplication application, DateOnly assessedOn, IReadOnlyCollection<Assessor> staff, IReadOnlyCollection<Guid> relatedAssessorIds,
        string attendantName, string attendantRelation, string evidenceReferences, ScoredSheet sheet, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(relatedAssessorIds);
        ArgumentNullException.ThrowIfNull(sheet);
        AssessmentRule.Check(application.Status != ApplicationStatuses.Assigned || application.AgencyId is null, AssessmentCodes.WrongStatus,
            AssessmentClauses.Management, $"申请当前状态为「{ApplicationStatuses.ChineseName(application.Status)}」，只有已委派评估机构的申请可以录入现场评估");
        AssessmentRule.Check(assessedOn < application.AssignedOn, "invalid_assessment_date", AssessmentClauses.OnSite, "现场评估日期不能早于委派日期");
        CheckStaff(application, staff, relatedAssessorIds);
        var record = new OnSiteAssessment
        {
            TenantId = application.TenantId,
            ApplicationId = application.Id,
            AgencyId = application.AgencyId!.Value,
            AssessedOn = assessedOn,
            StaffIds = [.. staff.Select(s => s.Id).Distinct()],
            AttendantName = attendantName,
            AttendantRelation = attendantRelation,
            EvidenceReferences = evidenceReferences,
            Instrument = sheet.Instrument,
            Items = sheet.ItemsJson,
            Totals = sheet.TotalsJson,
            Level = sheet.Level,
            LevelLabel = sheet.LevelLabel,
            EligibleForBenefit = sheet.EligibleForBenefit,
            Trace = sheet.TraceJson,
            RecordedBy = recordedBy,
            RecordedAt = recordedAt,
        };
        application.MarkAssessed();
        return record;
    }

    /// <summary>Who may be on site: two or more distinct staff of the assigned agency, one an expert, none related to the person.</summary>
    public static void CheckStaff(AssessmentApplication application, IReadOnlyCollection<Assessor> staff, IReadOnlyCollection<Guid> relatedAssessorIds)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(relatedAssessorIds);
        foreach (var member in staff)
        {
            AssessmentRule.Check(member.AgencyId != application.AgencyId, AssessmentCodes.AssessorOtherAgency, AssessmentClauses.Management,
                $"评估人员 {member.Name} 不属于受委派的评估机构，不能参加本次评估");
            AssessmentRule.Check(application.RecusedStaffIds.Contains(member.Id), AssessmentCodes.ReviewStaffRecused, AssessmentClauses.Review,
                $"评估人员 {member.Name} 参与了被提出异议的原评估，复评须由其他人员进行（依据 {AssessmentClauses.Review}）");
            AssessmentRule.Check(relatedAssessorIds.Contains(member.Id), AssessmentCodes.AssessorRelated, AssessmentClauses.Recusal,
                $"评估人员 {member.Name} 已申报与被评估人存在利害关系，应当回避（依据 {AssessmentClauses.Recusal}）");
        }

        AssessmentRule.Check(staff.Select(s => s.Id).Distinct().Count() < 2, AssessmentCodes.TooFewStaff, AssessmentClauses.OnSite,
            $"现场评估须至少 2 名评估人员（依据 {AssessmentClauses.OnSite}）");
        AssessmentRule.Check(!staff.Any(s => s.IsExpert), AssessmentCodes.NoExpertOnSite, AssessmentClauses.OnSite,
            $"现场评估人员中须至少 1 名评估专家（依据 {AssessmentClauses.OnSite}）");
    }

    /// <summary>
    /// One expert confirms the conclusion as <paramref name="userName"/>. The second confirmation, by another expert who is
    /// another user, concludes the application on <paramref name="on"/>; the same user or expert twice is refused.
    /// </summary>
    /// <returns>True when this confirmation concluded the application.</returns>
    public bool Confirm(AssessmentApplication application, Assessor expert, string userName, bool related, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(expert);
        AssessmentRule.Check(application.Id != ApplicationId, AssessmentCodes.AssessmentNotFound, AssessmentClauses.Conclusion, "评估记录与申请不符");
        AssessmentRule.Check(IsConfirmed, AssessmentCodes.AlreadyConfirmed, AssessmentClauses.Conclusion, "评估结论已由两名评估专家确认，无须再次确认");
        AssessmentRule.Check(!expert.IsExpert, AssessmentCodes.NotAnExpert, AssessmentClauses.Conclusion,
            $"{expert.Name} 的资格为{AssessorQualifications.ChineseName(expert.Qualification)}，评估结论须由评估专家确认（依据 {AssessmentClauses.Conclusion}）");
        AssessmentRule.Check(expert.AgencyId != AgencyId, AssessmentCodes.AssessorOtherAgency, AssessmentClauses.Management,
            $"评估专家 {expert.Name} 不属于受委派的评估机构，不能确认本次结论");
        AssessmentRule.Check(application.RecusedStaffIds.Contains(expert.Id), AssessmentCodes.ReviewStaffRecused, AssessmentClauses.Review,
            $"评估专家 {expert.Name} 参与了被提出异议的原评估，不能确认复评结论（依据 {AssessmentClauses.Review}）");
        AssessmentRule.Check(related, AssessmentCodes.AssessorRelated, AssessmentClauses.Recusal,
            $"评估专家 {expert.Name} 已申报与被评估人存在利害关系，应当回避（依据 {AssessmentClauses.Recusal}）");
        AssessmentRule.Check(on < AssessedOn, "invalid_confirmation_date", AssessmentClauses.Conclusion, "结论确认日期不能早于现场评估日期");
        if (FirstConfirmedBy is null)
        {
            FirstExpertId = expert.Id;
            FirstConfirmedBy = userName;
            FirstConfirmedOn = on;
            return false;
        }

        AssessmentRule.Check(
            string.Equals(FirstConfirmedBy, userName, StringComparison.OrdinalIgnoreCase) || FirstExpertId == expert.Id,
            AssessmentCodes.SecondExpertRequired, AssessmentClauses.Conclusion,
            $"评估结论已由 {FirstConfirmedBy} 确认，须由另一名评估专家（另一用户）再次确认，一名专家不能单独作出结论（依据 {AssessmentClauses.Conclusion}）");
        AssessmentRule.Check(on < FirstConfirmedOn, "invalid_confirmation_date", AssessmentClauses.Conclusion, "第二次确认日期不能早于第一次确认日期");
        SecondExpertId = expert.Id;
        SecondConfirmedBy = userName;
        SecondConfirmedOn = on;
        application.Conclude(on, Level, LevelLabel, Instrument);
        return true;
    }
}
