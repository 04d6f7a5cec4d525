using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Supervision;
using LtcInsurance.Domain.Supervision.Rules;

namespace LtcInsurance.Domain.Tests.Supervision;

/// <summary>Each anomaly rule (医保办发〔2024〕22号 异常数据筛查) fires on the planted case and not on its innocent neighbour.</summary>
public class AnomalyRuleTests
{
    private static readonly SupervisionSettings Settings = SupervisionSettings.Default;
    private static readonly DateOnly March = new(2027, 3, 1);
    private static readonly Guid ProviderA = Guid.NewGuid();
    private static readonly Guid ProviderB = Guid.NewGuid();
    private static readonly Guid ClaimA = Guid.NewGuid();
    private static readonly Guid ClaimB = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid AliceEntitlement = Guid.NewGuid();
    private static readonly Guid BobEntitlement = Guid.NewGuid();

    private static FlaggableLine Line(int no, Guid person, int day, string mode = "home", string category = "care", string item = "C01",
        Guid? worker = null, Guid? claim = null, Guid? provider = null, decimal quantity = 1) =>
        new(claim ?? ClaimA, claim == ClaimB ? "CLM-B" : "CLM-A", provider ?? ProviderA, no, person, person == Alice ? AliceEntitlement : BobEntitlement,
            mode, March.AddDays(day - 1), item, category, quantity, 100m, worker);

    private static SupervisionFacts Facts(IReadOnlyList<FlaggableLine> lines, IReadOnlyList<StaySpan>? stays = null,
        Dictionary<Guid, DateOnly>? deaths = null, IReadOnlyList<EntitlementSpan>? entitlements = null, IReadOnlyList<PlanSpan>? plans = null,
        IReadOnlyList<ProviderMonth>? months = null, IReadOnlyList<AssessorConclusion>? assessors = null, IReadOnlyList<ReviewConclusion>? reviews = null) =>
        new(lines, entitlements ?? [], plans ?? [], stays ?? [], deaths ?? [], months ?? [], [March], assessors ?? [], reviews ?? []);

    private static List<AnomalyFinding> Run(AnomalyRule rule, SupervisionFacts facts) => [.. rule.Find(facts, Settings)];

    [Fact]
    public void Service_during_a_hospital_stay_is_flagged_from_the_day_after_admission_to_discharge()
    {
        var facts = Facts([Line(1, Alice, 10), Line(2, Alice, 11), Line(3, Alice, 15), Line(4, Alice, 16), Line(5, Bob, 11)],
            stays: [new StaySpan(Alice, March.AddDays(9), March.AddDays(14))]);
        var found = Run(new ServiceDuringHospitalStay(), facts);
        Assert.Equal([2, 3], found.Select(f => f.LineNo!.Value).Order());
        Assert.All(found, f => Assert.Equal(ClaimA, f.ClaimId));
    }

    [Fact]
    public void Service_after_death_is_flagged_but_not_on_the_day_of_death()
    {
        var facts = Facts([Line(1, Alice, 5), Line(2, Alice, 6), Line(3, Bob, 20)], deaths: new() { [Alice] = March.AddDays(4) });
        var found = Assert.Single(Run(new ServiceAfterDeath(), facts));
        Assert.Equal(2, found.LineNo);
        Assert.Equal(1, found.Evidence["daysAfterDeath"]);
    }

    [Fact]
    public void Service_before_the_entitlement_or_in_its_waiting_period_is_flagged()
    {
        var facts = Facts([Line(1, Alice, 1), Line(2, Alice, 10), Line(3, Bob, 3), Line(4, Bob, 4)],
            entitlements: [new EntitlementSpan(AliceEntitlement, Alice, March.AddDays(9), null, null),
                           new EntitlementSpan(BobEntitlement, Bob, March.AddDays(-100), null, March.AddDays(2))]);
        Assert.Equal([1, 3], Run(new ServiceBeforeEntitlement(), facts).Select(f => f.LineNo!.Value).Order());
    }

    [Fact]
    public void Care_outside_the_confirmed_care_plan_is_flagged_and_bed_fees_are_not()
    {
        var plan = new PlanSpan(AliceEntitlement, ProviderA, March.AddDays(4), null, new HashSet<string> { "C01" });
        var facts = Facts([Line(1, Alice, 5), Line(2, Alice, 5, item: "C02"), Line(3, Alice, 2), Line(4, Alice, 5, category: "bed", item: "B01")],
            plans: [plan]);
        Assert.Equal([2, 3], Run(new ServiceOutsideCarePlan(), facts).Select(f => f.LineNo!.Value).Order());
    }

    [Fact]
    public void Institution_care_of_one_person_on_one_day_by_two_providers_flags_both_claims()
    {
        var facts = Facts([
            Line(1, Alice, 7, mode: "institution"), Line(1, Alice, 7, mode: "institution", claim: ClaimB, provider: ProviderB),
            Line(2, Alice, 8, mode: "institution"), Line(2, Bob, 8, mode: "home", claim: ClaimB, provider: ProviderB),
        ]);
        var found = Run(new InstitutionCareByTwoProviders(), facts);
        Assert.Equal(2, found.Count);
        Assert.Equal(new[] { ClaimA, ClaimB }.Order(), found.Select(f => f.ClaimId!.Value).Order());
        Assert.All(found, f => Assert.Equal(1, f.LineNo));
    }

    [Fact]
    public void More_institution_care_days_than_the_month_has_is_flagged()
    {
        var facts = Facts([
            Line(1, Alice, 1, mode: "institution", quantity: 20), Line(2, Alice, 21, mode: "institution", quantity: 12),
            Line(3, Bob, 1, mode: "institution", quantity: 31),
        ]);
        var found = Assert.Single(Run(new CareDaysBeyondMonth(), facts));
        Assert.Equal(32m, found.Evidence["careDays"]);
        Assert.Equal(31, found.Evidence["daysInMonth"]);
    }

    [Fact]
    public void One_care_worker_for_two_providers_on_a_day_or_beyond_the_beneficiary_limit_is_flagged()
    {
        var nurse = Guid.NewGuid();
        var busy = Guid.NewGuid();
        var calm = Guid.NewGuid();
        var lines = new List<FlaggableLine>
        {
            Line(1, Alice, 3, worker: nurse), Line(1, Bob, 3, worker: nurse, claim: ClaimB, provider: ProviderB),
            Line(2, Alice, 4, worker: calm), Line(3, Bob, 4, worker: calm),
        };
        lines.AddRange(Enumerable.Range(0, Settings.WorkerBeneficiariesPerDay + 1)
            .Select(i => Line(10 + i, Guid.NewGuid(), 6, worker: busy)));
        var found = Run(new CareWorkerInTwoPlaces(), Facts(lines));
        Assert.Equal(3, found.Count); // nurse: once per claim; busy: once
        Assert.DoesNotContain(found, f => (Guid)f.Evidence["careWorkerId"]! == calm);
    }

    [Fact]
    public void A_provider_month_far_above_its_own_history_is_flagged_by_robust_z()
    {
        var history = Enumerable.Range(1, 6).Select(i => new ProviderMonth(ProviderA, null, March.AddMonths(-i), 10_000m + (i * 100), 10)).ToList();
        var steady = Enumerable.Range(1, 6).Select(i => new ProviderMonth(ProviderB, null, March.AddMonths(-i), 10_000m + (i * 100), 10)).ToList();
        var facts = Facts([], months: [.. history, .. steady, new ProviderMonth(ProviderA, ClaimA, March, 30_000m, 10),
            new ProviderMonth(ProviderB, ClaimB, March, 10_300m, 10)]);
        var found = Assert.Single(Run(new ProviderMonthlyTotalOutlier(), facts));
        Assert.Equal(ProviderA, found.SubjectId);
        Assert.Equal(ClaimA, found.ClaimId);
        Assert.True((decimal)found.Evidence["historyZ"]! > Settings.OutlierZ);
        Assert.Single(Run(new ProviderAverageOutlier(), facts));
    }

    [Fact]
    public void A_provider_average_far_above_its_peers_is_flagged_and_too_few_peers_judge_nobody()
    {
        var peers = Enumerable.Range(0, 6).Select(i => new ProviderMonth(Guid.NewGuid(), null, March, 5_000m + (i * 50), 5)).ToList();
        var facts = Facts([], months: [.. peers, new ProviderMonth(ProviderA, ClaimA, March, 50_000m, 5)]);
        var found = Assert.Single(Run(new ProviderAverageOutlier(), facts));
        Assert.Equal(ProviderA, found.SubjectId);
        Assert.Empty(Run(new ProviderAverageOutlier(), Facts([], months: [.. peers.Take(3), new ProviderMonth(ProviderA, ClaimA, March, 50_000m, 5)])));
    }

    [Fact]
    public void An_assessor_whose_conclusions_mostly_reach_one_level_is_flagged()
    {
        var strict = Guid.NewGuid();
        var varied = Guid.NewGuid();
        var conclusions = Enumerable.Range(0, 10).Select(i => new AssessorConclusion(strict, Guid.NewGuid(), Guid.NewGuid(), i < 9 ? 3 : 2))
            .Concat(Enumerable.Range(0, 10).Select(i => new AssessorConclusion(varied, Guid.NewGuid(), Guid.NewGuid(), 1 + (i % 3)))).ToList();
        var found = Assert.Single(Run(new AssessorSameLevel(), Facts([], assessors: conclusions)));
        Assert.Equal(strict, found.SubjectId);
        Assert.Equal(0.9m, found.Evidence["share"]);
    }

    [Fact]
    public void A_review_that_moves_two_levels_is_flagged_and_one_level_is_not()
    {
        var jump = new ReviewConclusion(Guid.NewGuid(), Guid.NewGuid(), Alice, 1, 3);
        var step = new ReviewConclusion(Guid.NewGuid(), Guid.NewGuid(), Bob, 2, 3);
        var found = Assert.Single(Run(new ReviewLevelJump(), Facts([], reviews: [jump, step])));
        Assert.Equal(jump.ReviewApplicationId, found.SubjectId);
    }

    [Fact]
    public void Robust_z_uses_median_and_mad()
    {
        var (z, median, mad) = RobustZ.Score(20m, [1m, 2m, 3m, 4m, 5m]);
        Assert.Equal(3m, median);
        Assert.Equal(1m, mad);
        Assert.Equal(11.47m, z); // 0.6745 × 17 / 1
    }

    [Fact]
    public void Every_rule_has_a_unique_code_a_chinese_name_and_cites_the_screening_clause()
    {
        Assert.Equal(AnomalyRules.All.Count, AnomalyRules.All.Select(r => r.Code).Distinct().Count());
        Assert.All(AnomalyRules.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.ChineseName));
            Assert.Contains("22号", r.Clause, StringComparison.Ordinal);
            Assert.True(r.Clause.Length <= 300);
        });
    }

    [Fact]
    public void An_outcome_needs_a_known_code_and_a_note_and_a_sanction_needs_a_confirmed_flag()
    {
        var finding = AnomalyFinding.OnLine(ServiceAfterDeath.RuleCode, Line(1, Alice, 2), new Dictionary<string, object?>());
        var flag = AnomalyFlag.Raise("yulin", new ServiceAfterDeath(), finding, "{}", "manual", "t", DateTimeOffset.UtcNow);
        Assert.Throws<BusinessRuleViolationException>(() => flag.Record("maybe", "note", "a", DateTimeOffset.UtcNow));
        Assert.Throws<BusinessRuleViolationException>(() => flag.Record(FlagOutcomes.Confirmed, " ", "a", DateTimeOffset.UtcNow));
        Assert.Throws<BusinessRuleViolationException>(() => flag.LinkSanction(Guid.NewGuid()));
        var outcome = flag.Record(FlagOutcomes.Confirmed, "核实属实", "auditor", DateTimeOffset.UtcNow);
        Assert.Equal(FlagOutcomes.Confirmed, flag.Status);
        Assert.Equal("auditor", outcome.RecordedBy);
        flag.LinkSanction(Guid.NewGuid());
        Assert.Throws<BusinessRuleViolationException>(() => flag.LinkSanction(Guid.NewGuid()));
    }
}
