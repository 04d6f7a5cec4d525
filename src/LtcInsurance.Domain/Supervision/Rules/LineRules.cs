using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Supervision.Rules;

/// <summary>住院期间发生护理服务 (SS 二(五)4(3), YL 二(四)5): a service on a day the beneficiary was in hospital (admitted &lt; day ≤ discharged).</summary>
public sealed class ServiceDuringHospitalStay() : LineRule<ILookup<Guid, StaySpan>>(RuleCode, "住院期间发生护理服务", "SS 二(五)4(3)；YL 二(四)5")
{
    public const string RuleCode = "service_during_hospital_stay";

    protected override ILookup<Guid, StaySpan> Index(SupervisionFacts facts) => facts.Stays.ToLookup(s => s.PersonId);

    protected override Dictionary<string, object?>? Judge(FlaggableLine line, ILookup<Guid, StaySpan> stays) =>
        stays[line.PersonId].FirstOrDefault(s => s.Contains(line.Day)) is { } stay
            ? new() { ["day"] = line.Day, ["admitted"] = stay.Admitted, ["discharged"] = stay.Discharged, ["amount"] = line.Amount }
            : null;
}

/// <summary>死亡后发生护理服务: a service after the beneficiary's recorded date of death.</summary>
public sealed class ServiceAfterDeath() : LineRule<IReadOnlyDictionary<Guid, DateOnly>>(RuleCode, "死亡后发生护理服务")
{
    public const string RuleCode = "service_after_death";

    protected override IReadOnlyDictionary<Guid, DateOnly> Index(SupervisionFacts facts) => facts.Deaths;

    protected override Dictionary<string, object?>? Judge(FlaggableLine line, IReadOnlyDictionary<Guid, DateOnly> deaths) =>
        deaths.TryGetValue(line.PersonId, out var died) && line.Day > died
            ? new() { ["day"] = line.Day, ["dateOfDeath"] = died, ["daysAfterDeath"] = line.Day.DayNumber - died.DayNumber, ["amount"] = line.Amount }
            : null;
}

/// <summary>待遇资格生效前发生护理服务: a service before the entitlement starts or within its waiting period.</summary>
public sealed class ServiceBeforeEntitlement() : LineRule<Dictionary<Guid, EntitlementSpan>>(RuleCode, "待遇资格生效前发生护理服务")
{
    public const string RuleCode = "service_before_entitlement";

    protected override Dictionary<Guid, EntitlementSpan> Index(SupervisionFacts facts) => facts.Entitlements.ToDictionary(e => e.Id);

    protected override Dictionary<string, object?>? Judge(FlaggableLine line, Dictionary<Guid, EntitlementSpan> entitlements) =>
        entitlements.TryGetValue(line.EntitlementId, out var e) && (line.Day < e.From || (e.WaitingUntil is { } waiting && line.Day <= waiting))
            ? new() { ["day"] = line.Day, ["entitlementFrom"] = e.From, ["waitingUntil"] = e.WaitingUntil, ["amount"] = line.Amount }
            : null;
}

/// <summary>
/// 护理计划外服务 (医保办发〔2024〕22号: a plan runs only after the insured confirms it): a care or medical-care item no
/// confirmed care plan of the provider covers on that day.
/// </summary>
public sealed class ServiceOutsideCarePlan()
    : LineRule<ILookup<(Guid EntitlementId, Guid ProviderId), PlanSpan>>(RuleCode, "护理计划外服务", "医保办发〔2024〕22号 护理服务计划经参保人确认后执行")
{
    public const string RuleCode = "service_outside_care_plan";

    protected override ILookup<(Guid EntitlementId, Guid ProviderId), PlanSpan> Index(SupervisionFacts facts) =>
        facts.Plans.ToLookup(p => (p.EntitlementId, p.ProviderId));

    protected override Dictionary<string, object?>? Judge(FlaggableLine line, ILookup<(Guid EntitlementId, Guid ProviderId), PlanSpan> plans)
    {
        if (line.Category is not (LineCategories.Care or LineCategories.MedicalCare))
            return null;
        var own = plans[(line.EntitlementId, line.ProviderId)].ToList();
        return own.Any(p => p.Covers(line.Day, line.ItemCode))
            ? null
            : new() { ["day"] = line.Day, ["itemCode"] = line.ItemCode, ["confirmedPlans"] = own.Count, ["amount"] = line.Amount };
    }
}

/// <summary>Service modes of institution care (a bed for the day in one place).</summary>
internal static class InstitutionModes
{
    public static readonly HashSet<string> All = ["institution", "institution_medical", "medical_special"];
}

/// <summary>同日两家机构申报机构护理: institution care of one beneficiary on one day claimed by two or more providers.</summary>
public sealed class InstitutionCareByTwoProviders() : LineGroupRule<(Guid PersonId, DateOnly Day)>(RuleCode, "同日两家机构申报机构护理")
{
    public const string RuleCode = "institution_care_two_providers";

    protected override IEnumerable<IGrouping<(Guid PersonId, DateOnly Day), FlaggableLine>> Groups(SupervisionFacts facts) =>
        facts.Lines.Where(l => InstitutionModes.All.Contains(l.ServiceMode)).GroupBy(l => (l.PersonId, l.Day));

    protected override bool Anomalous(IGrouping<(Guid PersonId, DateOnly Day), FlaggableLine> group, SupervisionSettings settings) =>
        group.Select(l => l.ProviderId).Distinct().Count() >= 2;

    protected override Dictionary<string, object?> Evidence(IGrouping<(Guid PersonId, DateOnly Day), FlaggableLine> group, FlaggableLine line,
        SupervisionSettings settings) => new()
        {
            ["day"] = line.Day, ["providers"] = group.Select(l => l.ProviderId).Distinct().Count(),
            ["claims"] = group.Select(l => l.ClaimNumber).Distinct().Order(StringComparer.Ordinal).ToArray(),
        };

    protected override string KeyOf((Guid PersonId, DateOnly Day) group, FlaggableLine line) => $"{line.ClaimId:N}:{line.LineNo}";
}

/// <summary>
/// 护理天数超过当月天数: the institution-care days claimed for one beneficiary in a month (the quantity of care lines in an
/// institution mode, all providers together) exceed the days of the month.
/// </summary>
public sealed class CareDaysBeyondMonth() : LineGroupRule<(Guid PersonId, int Year, int Month)>(RuleCode, "护理天数超过当月天数")
{
    public const string RuleCode = "care_days_beyond_month";

    protected override IEnumerable<IGrouping<(Guid PersonId, int Year, int Month), FlaggableLine>> Groups(SupervisionFacts facts) =>
        facts.Lines.Where(l => InstitutionModes.All.Contains(l.ServiceMode) && l.Category == LineCategories.Care)
            .GroupBy(l => (l.PersonId, l.Day.Year, l.Day.Month));

    protected override bool Anomalous(IGrouping<(Guid PersonId, int Year, int Month), FlaggableLine> group, SupervisionSettings settings) =>
        group.Sum(l => l.Quantity) > DateTime.DaysInMonth(group.Key.Year, group.Key.Month);

    protected override Dictionary<string, object?> Evidence(IGrouping<(Guid PersonId, int Year, int Month), FlaggableLine> group, FlaggableLine line,
        SupervisionSettings settings) => new()
        {
            ["month"] = $"{group.Key.Year:D4}-{group.Key.Month:D2}", ["careDays"] = group.Sum(l => l.Quantity),
            ["daysInMonth"] = DateTime.DaysInMonth(group.Key.Year, group.Key.Month),
            ["thisClaimDays"] = group.Where(l => l.ClaimId == line.ClaimId).Sum(l => l.Quantity),
        };

    protected override string KeyOf((Guid PersonId, int Year, int Month) group, FlaggableLine line) =>
        $"{line.ClaimId:N}:{group.PersonId:N}:{group.Year}-{group.Month}";
}

/// <summary>
/// 护理人员同日多处服务: one care worker on one day serving for two or more providers, or more beneficiaries than the
/// city's limit (<see cref="SupervisionSettings.WorkerBeneficiariesPerDay"/>).
/// </summary>
public sealed class CareWorkerInTwoPlaces() : LineGroupRule<(Guid Worker, DateOnly Day)>(RuleCode, "护理人员同日多处服务")
{
    public const string RuleCode = "care_worker_two_places";

    protected override IEnumerable<IGrouping<(Guid Worker, DateOnly Day), FlaggableLine>> Groups(SupervisionFacts facts) =>
        facts.Lines.Where(l => l.CareWorkerId is not null).GroupBy(l => (Worker: l.CareWorkerId!.Value, l.Day));

    protected override bool Anomalous(IGrouping<(Guid Worker, DateOnly Day), FlaggableLine> group, SupervisionSettings settings) =>
        group.Select(l => l.ProviderId).Distinct().Count() >= 2 || group.Select(l => l.PersonId).Distinct().Count() > settings.WorkerBeneficiariesPerDay;

    protected override Dictionary<string, object?> Evidence(IGrouping<(Guid Worker, DateOnly Day), FlaggableLine> group, FlaggableLine line,
        SupervisionSettings settings) => new()
        {
            ["careWorkerId"] = group.Key.Worker, ["day"] = group.Key.Day, ["providers"] = group.Select(l => l.ProviderId).Distinct().Count(),
            ["beneficiaries"] = group.Select(l => l.PersonId).Distinct().Count(), ["beneficiaryLimit"] = settings.WorkerBeneficiariesPerDay,
        };

    protected override string KeyOf((Guid Worker, DateOnly Day) group, FlaggableLine line) => $"{group.Worker:N}:{group.Day:yyyyMMdd}:{line.ClaimId:N}";
}
