using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Supervision.Rules;

/// <summary>住院期间发生护理服务: a service on a day the beneficiary was in hospital (admitted &lt; day ≤ discharged).</summary>
public sealed class ServiceDuringHospitalStay : AnomalyRule
{
    public const string RuleCode = "service_during_hospital_stay";

    public override string Code => RuleCode;

    public override string ChineseName => "住院期间发生护理服务";

    public override string Clause => $"SS 二(五)4(3)；YL 二(四)5；{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var stays = facts.Stays.ToLookup(s => s.PersonId);
        foreach (var line in facts.Lines)
        {
            if (stays[line.PersonId].FirstOrDefault(s => s.Contains(line.Day)) is { } stay)
                yield return AnomalyFinding.OnLine(Code, line, new Dictionary<string, object?>
                {
                    ["day"] = line.Day, ["admitted"] = stay.Admitted, ["discharged"] = stay.Discharged, ["amount"] = line.Amount,
                });
        }
    }
}

/// <summary>死亡后发生护理服务: a service after the beneficiary's recorded date of death.</summary>
public sealed class ServiceAfterDeath : AnomalyRule
{
    public const string RuleCode = "service_after_death";

    public override string Code => RuleCode;

    public override string ChineseName => "死亡后发生护理服务";

    public override string Clause => $"{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var line in facts.Lines)
        {
            if (facts.Deaths.TryGetValue(line.PersonId, out var died) && line.Day > died)
                yield return AnomalyFinding.OnLine(Code, line, new Dictionary<string, object?>
                {
                    ["day"] = line.Day, ["dateOfDeath"] = died, ["daysAfterDeath"] = line.Day.DayNumber - died.DayNumber, ["amount"] = line.Amount,
                });
        }
    }
}

/// <summary>待遇资格生效前发生护理服务: a service before the entitlement starts or within its waiting period.</summary>
public sealed class ServiceBeforeEntitlement : AnomalyRule
{
    public const string RuleCode = "service_before_entitlement";

    public override string Code => RuleCode;

    public override string ChineseName => "待遇资格生效前发生护理服务";

    public override string Clause => $"{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var entitlements = facts.Entitlements.ToDictionary(e => e.Id);
        foreach (var line in facts.Lines)
        {
            if (!entitlements.TryGetValue(line.EntitlementId, out var e))
                continue;
            if (line.Day < e.From || (e.WaitingUntil is { } waiting && line.Day <= waiting))
                yield return AnomalyFinding.OnLine(Code, line, new Dictionary<string, object?>
                {
                    ["day"] = line.Day, ["entitlementFrom"] = e.From, ["waitingUntil"] = e.WaitingUntil, ["amount"] = line.Amount,
                });
        }
    }
}

/// <summary>
/// 护理计划外服务: a care or medical-care item no confirmed care plan of the provider covers on that day
/// (医保办发〔2024〕22号: a plan runs only after the insured confirms it).
/// </summary>
public sealed class ServiceOutsideCarePlan : AnomalyRule
{
    public const string RuleCode = "service_outside_care_plan";

    public override string Code => RuleCode;

    public override string ChineseName => "护理计划外服务";

    public override string Clause => $"医保办发〔2024〕22号 护理服务计划经参保人确认后执行；{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var plans = facts.Plans.ToLookup(p => (p.EntitlementId, p.ProviderId));
        foreach (var line in facts.Lines)
        {
            if (line.Category is not (LineCategories.Care or LineCategories.MedicalCare))
                continue;
            var own = plans[(line.EntitlementId, line.ProviderId)].ToList();
            if (!own.Any(p => p.Covers(line.Day, line.ItemCode)))
                yield return AnomalyFinding.OnLine(Code, line, new Dictionary<string, object?>
                {
                    ["day"] = line.Day, ["itemCode"] = line.ItemCode, ["confirmedPlans"] = own.Count, ["amount"] = line.Amount,
                });
        }
    }
}

/// <summary>同日两家机构申报机构护理: institution care of one beneficiary on one day claimed by two or more providers.</summary>
public sealed class InstitutionCareByTwoProviders : AnomalyRule
{
    public const string RuleCode = "institution_care_two_providers";

    private static readonly HashSet<string> InstitutionModes = ["institution", "institution_medical", "medical_special"];

    public override string Code => RuleCode;

    public override string ChineseName => "同日两家机构申报机构护理";

    public override string Clause => $"{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var day in facts.Lines.Where(l => InstitutionModes.Contains(l.ServiceMode)).GroupBy(l => (l.PersonId, l.Day)))
        {
            var providers = day.Select(l => l.ProviderId).Distinct().Count();
            if (providers < 2)
                continue;
            var claims = day.Select(l => l.ClaimNumber).Distinct().Order(StringComparer.Ordinal).ToArray();
            foreach (var line in day.GroupBy(l => l.ClaimId).Select(g => g.OrderBy(l => l.LineNo).First()))
                yield return AnomalyFinding.OnLine(Code, line, new Dictionary<string, object?>
                {
                    ["day"] = line.Day, ["providers"] = providers, ["claims"] = claims,
                });
        }
    }
}

/// <summary>
/// 护理天数超过当月天数: the institution-care days claimed for one beneficiary in a month (the quantity of care lines in an
/// institution mode, all providers together) exceed the days of the month.
/// </summary>
public sealed class CareDaysBeyondMonth : AnomalyRule
{
    public const string RuleCode = "care_days_beyond_month";

    private static readonly HashSet<string> InstitutionModes = ["institution", "institution_medical", "medical_special"];

    public override string Code => RuleCode;

    public override string ChineseName => "护理天数超过当月天数";

    public override string Clause => $"{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var careDays = facts.Lines.Where(l => InstitutionModes.Contains(l.ServiceMode) && l.Category == LineCategories.Care);
        foreach (var month in careDays.GroupBy(l => (l.PersonId, l.Day.Year, l.Day.Month)))
        {
            var days = month.Sum(l => l.Quantity);
            var inMonth = DateTime.DaysInMonth(month.Key.Year, month.Key.Month);
            if (days <= inMonth)
                continue;
            foreach (var line in month.GroupBy(l => l.ClaimId).Select(g => g.OrderBy(l => l.LineNo).First()))
                yield return new AnomalyFinding(Code, FlagSubjects.ClaimLine, line.ClaimId, line.ClaimId, line.LineNo, line.ProviderId,
                    new DateOnly(month.Key.Year, month.Key.Month, 1), $"{Code}:{line.ClaimId:N}:{line.PersonId:N}:{month.Key.Year}-{month.Key.Month}",
                    new Dictionary<string, object?>
                    {
                        ["month"] = $"{month.Key.Year:D4}-{month.Key.Month:D2}", ["careDays"] = days, ["daysInMonth"] = inMonth,
                        ["thisClaimDays"] = month.Where(l => l.ClaimId == line.ClaimId).Sum(l => l.Quantity),
                    });
        }
    }
}

/// <summary>
/// 护理人员同日多处服务: one care worker on one day serving for two or more providers, or more beneficiaries than the
/// city's limit (<see cref="SupervisionSettings.WorkerBeneficiariesPerDay"/>).
/// </summary>
public sealed class CareWorkerInTwoPlaces : AnomalyRule
{
    public const string RuleCode = "care_worker_two_places";

    public override string Code => RuleCode;

    public override string ChineseName => "护理人员同日多处服务";

    public override string Clause => $"{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var day in facts.Lines.Where(l => l.CareWorkerId is not null).GroupBy(l => (Worker: l.CareWorkerId!.Value, l.Day)))
        {
            var providers = day.Select(l => l.ProviderId).Distinct().Count();
            var beneficiaries = day.Select(l => l.PersonId).Distinct().Count();
            if (providers < 2 && beneficiaries <= settings.WorkerBeneficiariesPerDay)
                continue;
            foreach (var line in day.GroupBy(l => l.ClaimId).Select(g => g.OrderBy(l => l.LineNo).First()))
                yield return new AnomalyFinding(Code, FlagSubjects.ClaimLine, line.ClaimId, line.ClaimId, line.LineNo, line.ProviderId,
                    new DateOnly(line.Day.Year, line.Day.Month, 1), $"{Code}:{day.Key.Worker:N}:{day.Key.Day:yyyyMMdd}:{line.ClaimId:N}",
                    new Dictionary<string, object?>
                    {
                        ["careWorkerId"] = day.Key.Worker, ["day"] = day.Key.Day, ["providers"] = providers, ["beneficiaries"] = beneficiaries,
                        ["beneficiaryLimit"] = settings.WorkerBeneficiariesPerDay,
                    });
        }
    }
}
