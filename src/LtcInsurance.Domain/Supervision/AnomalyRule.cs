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
/// findings it makes of the facts. Rules are pure: the same facts and settings give the same findings.
/// </summary>
public abstract class AnomalyRule
{
    /// <summary>The national basis every rule shares: abnormal-data screening and real-time monitoring.</summary>
    public const string Screening = "医保办发〔2024〕22号 异常数据筛查";

    public abstract string Code { get; }

    public abstract string ChineseName { get; }

    /// <summary>The clauses it rests on (the city documents' supervision clauses and the national screening duty).</summary>
    public abstract string Clause { get; }

    public abstract IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings);
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
