namespace LtcInsurance.Domain.Supervision;

/// <summary>What a flag is about: a claim line, a provider's month, an assessor or a 复评 application.</summary>
public static class FlagSubjects
{
    public const string ClaimLine = "claim_line";
    public const string ProviderMonth = "provider_month";
    public const string Assessor = "assessor";
    public const string Application = "application";
}

/// <summary>
/// One anomaly a rule found: the subject (its kind and id; for a claim line the claim and line number), the provider and
/// month when there are, a key that makes the same finding the same flag on every run, and the numbers that show it.
/// </summary>
public sealed record AnomalyFinding(
    string RuleCode, string SubjectKind, Guid SubjectId, Guid? ClaimId, int? LineNo, Guid? ProviderId, DateOnly? Month, string Key,
    IReadOnlyDictionary<string, object?> Evidence)
{
    public static AnomalyFinding OnLine(string rule, FlaggableLine line, IReadOnlyDictionary<string, object?> evidence) =>
        new(rule, FlagSubjects.ClaimLine, line.ClaimId, line.ClaimId, line.LineNo, line.ProviderId, new DateOnly(line.Day.Year, line.Day.Month, 1),
            $"{rule}:{line.ClaimId:N}:{line.LineNo}", evidence);
}

/// <summary>
/// An anomaly rule (异常数据筛查): a stable code, the Chinese name an auditor reads, the clause it rests on, and the
/// findings it makes of the facts. Rules are pure: the same facts and settings give the same findings. A rule names its
/// own basis (<paramref name="basis"/>, if any); every rule also rests on the city documents' supervision clauses and the
/// national screening duty, which <see cref="Clause"/> adds.
/// </summary>
public abstract class AnomalyRule(string code, string chineseName, string? basis = null)
{
    /// <summary>The national basis every rule shares: abnormal-data screening and real-time monitoring.</summary>
    public const string Screening = "医保办发〔2024〕22号 异常数据筛查";

    public string Code => code;

    public string ChineseName => chineseName;

    /// <summary>The clauses it rests on (its own basis, the city documents' supervision clauses and the national screening duty).</summary>
    public virtual string Clause => basis is null ? $"{AnomalyRules.CitySupervision}；{Screening}" : $"{basis}；{AnomalyRules.CitySupervision}；{Screening}";

    public IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        return Findings(facts, settings);
    }

    /// <summary>The findings of the rule (facts and settings are not null).</summary>
    protected abstract IEnumerable<AnomalyFinding> Findings(SupervisionFacts facts, SupervisionSettings settings);

    /// <summary>A finding of this rule; <paramref name="key"/> follows the rule's code in the finding's key.</summary>
    protected AnomalyFinding Flag(string subjectKind, Guid subjectId, string key, IReadOnlyDictionary<string, object?> evidence,
        Guid? claimId = null, int? lineNo = null, Guid? providerId = null, DateOnly? month = null) =>
        new(Code, subjectKind, subjectId, claimId, lineNo, providerId, month, $"{Code}:{key}", evidence);
}

/// <summary>
/// A rule that judges each claim line on its own, against an index of the facts it builds once per run (stays by person,
/// entitlements by id, …); a line it judges anomalous is flagged with the evidence <see cref="Judge"/> gives.
/// </summary>
public abstract class LineRule<TIndex>(string code, string chineseName, string? basis = null) : AnomalyRule(code, chineseName, basis)
{
    protected abstract TIndex Index(SupervisionFacts facts);

    /// <summary>The evidence that the line is anomalous, or null when it is not.</summary>
    protected abstract Dictionary<string, object?>? Judge(FlaggableLine line, TIndex index);

    protected sealed override IEnumerable<AnomalyFinding> Findings(SupervisionFacts facts, SupervisionSettings settings)
    {
        var index = Index(facts);
        foreach (var line in facts.Lines)
        {
            if (Judge(line, index) is { } evidence)
                yield return AnomalyFinding.OnLine(Code, line, evidence);
        }
    }
}

/// <summary>
/// A rule that judges groups of claim lines (one beneficiary's day or month, one care worker's day): in an anomalous group
/// each claim is flagged once, on its first line of the group.
/// </summary>
public abstract class LineGroupRule<TKey>(string code, string chineseName, string? basis = null) : AnomalyRule(code, chineseName, basis)
{
    protected abstract IEnumerable<IGrouping<TKey, FlaggableLine>> Groups(SupervisionFacts facts);

    protected abstract bool Anomalous(IGrouping<TKey, FlaggableLine> group, SupervisionSettings settings);

    /// <summary>What the flag of the claim of <paramref name="line"/> shows.</summary>
    protected abstract Dictionary<string, object?> Evidence(IGrouping<TKey, FlaggableLine> group, FlaggableLine line, SupervisionSettings settings);

    /// <summary>The finding's key after the rule's code: the same group and claim give the same key on every run.</summary>
    protected abstract string KeyOf(TKey group, FlaggableLine line);

    protected sealed override IEnumerable<AnomalyFinding> Findings(SupervisionFacts facts, SupervisionSettings settings)
    {
        foreach (var group in Groups(facts).Where(g => Anomalous(g, settings)))
        {
            foreach (var line in group.GroupBy(l => l.ClaimId).Select(g => g.OrderBy(l => l.LineNo).First()))
                yield return Flag(FlagSubjects.ClaimLine, line.ClaimId, KeyOf(group.Key, line), Evidence(group, line, settings), line.ClaimId,
                    line.LineNo, line.ProviderId, new DateOnly(line.Day.Year, line.Day.Month, 1));
        }
    }
}

/// <summary>The rules there are, in the order the queue lists them.</summary>
public static class AnomalyRules
{
    /// <summary>The city documents' fraud-prevention and monitoring clauses (ZJ 三(四), SS 二(八)(九), JN 五, YZ 四(六), YL 三(五)).</summary>
    public const string CitySupervision = "ZJ 三(四)；SS 二(八)、SS 二(九)；JN 五；YZ 四(六)；YL 三(五)";

    public static IReadOnlyList<AnomalyRule> All { get; } =
    [
        new Rules.ServiceDuringHospitalStay(),
        new Rules.ServiceAfterDeath(),
        new Rules.ServiceBeforeEntitlement(),
        new Rules.ServiceOutsideCarePlan(),
        new Rules.InstitutionCareByTwoProviders(),
        new Rules.CareDaysBeyondMonth(),
        new Rules.CareWorkerInTwoPlaces(),
        new Rules.ProviderMonthlyTotalOutlier(),
        new Rules.ProviderAverageOutlier(),
        new Rules.AssessorSameLevel(),
        new Rules.ReviewLevelJump(),
    ];

    public static AnomalyRule? Find(string code) => All.FirstOrDefault(r => r.Code == code);

    /// <summary>Runs every rule; a finding is listed once however many times the facts repeat it.</summary>
    public static IReadOnlyList<AnomalyFinding> Screen(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        return All.SelectMany(r => r.Find(facts, settings)).DistinctBy(f => f.Key).ToList();
    }
}
