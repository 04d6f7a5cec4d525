using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>
/// Scoring invariants over generated item scores: Barthel for Shishi (SS 二(四)) and the national
/// 2021 standard for Zhenjiang (ZJ 二(四)) and Yulin (YL 三(一)). Allowed scores, bands and the level
/// matrix are restated here from the assessment notes, not read from the engine's tables.
/// </summary>
public class AssessmentProperties
{
    private const int Runs = 200;

    private static readonly Dictionary<string, int[]> AdlScores = new()
    {
        ["feeding"] = [0, 5, 10], ["bathing"] = [0, 5], ["grooming"] = [0, 5], ["dressing"] = [0, 5, 10],
        ["bowels"] = [0, 5, 10], ["bladder"] = [0, 5, 10], ["toilet"] = [0, 5, 10], ["transfer"] = [0, 5, 10, 15],
        ["mobility"] = [0, 5, 10, 15], ["stairs"] = [0, 5, 10],
    };

    private static readonly string[] Cognition = ["time_orientation", "person_orientation", "place_orientation", "memory"];
    private static readonly string[] Perception = ["vision", "hearing", "communication"];
    private static readonly string[] Grades = ["intact", "mild", "moderate", "severe"];

    // rows: ADL grade; columns: the worse of the cognition and perception grades
    private static readonly int[,] LevelMatrix = { { 0, 0, 1, 1 }, { 1, 1, 1, 2 }, { 2, 2, 2, 3 }, { 3, 3, 4, 5 } };

    private static Dictionary<string, int[]> NationalScores =>
        AdlScores.Concat(Cognition.Concat(Perception).Select(c => KeyValuePair.Create(c, new[] { 0, 1, 2, 3, 4 })))
            .ToDictionary(p => p.Key, p => p.Value);

    private static Gen<Dictionary<string, int>> Items(Dictionary<string, int[]> allowed) =>
        Gen.CollectToList(allowed.Select(p => Gen.Elements(p.Value).Select(score => KeyValuePair.Create(p.Key, score))))
            .Select(pairs => pairs.ToDictionary(p => p.Key, p => p.Value));

    private static AssessmentResult Assess(string tenant, string instrument, IReadOnlyDictionary<string, int> items) =>
        (AssessmentResult)Scenarios.Calculator.Evaluate(new PolicyCase(
            CaseKinds.Assessment, tenant, new DateOnly(2028, 1, 1), new AssessmentInput(instrument, items), new Dictionary<string, object?>())).Result;

    private static string AdlGrade(int total) => total switch { 100 => "intact", >= 65 => "mild", >= 45 => "moderate", _ => "severe" };

    private static string SubGrade(int total, int full) => total == full ? "intact" : total switch { >= 4 => "mild", >= 2 => "moderate", _ => "severe" };

    private static int ExpectedLevel(IReadOnlyDictionary<string, int> items)
    {
        var adl = Array.IndexOf(Grades, AdlGrade(AdlScores.Keys.Sum(k => items[k])));
        var cognition = Array.IndexOf(Grades, SubGrade(Cognition.Sum(k => items[k]), 16));
        var perception = Array.IndexOf(Grades, SubGrade(Perception.Sum(k => items[k]), 12));
        return LevelMatrix[adl, Math.Max(cognition, perception)];
    }

    [Property(MaxTest = Runs)]
    public Property Barthel_total_is_the_sum_of_the_items_and_only_severe_dependence_qualifies() =>
        Prop.ForAll(Items(AdlScores).ToArbitrary(), items =>
        {
            var result = Assess(TenantIds.Shishi, "barthel", items);
            var total = items.Values.Sum();
            Assert.Equal(total, result.Totals["total"]);
            var band = total switch { 100 => "independent", >= 61 => "mild", >= 41 => "moderate", _ => "severe" };
            Assert.Equal(band, result.Grades["total"]);
            Assert.Equal(total <= 40, result.EligibleForBenefit);
        });

    [Property(MaxTest = Runs)]
    public Property National_level_is_the_matrix_cell_of_the_adl_grade_and_the_worse_of_cognition_and_perception() =>
        Prop.ForAll(Items(NationalScores).ToArbitrary(), Gen.Elements(TenantIds.Zhenjiang, TenantIds.Yulin).ToArbitrary(), (items, tenant) =>
        {
            var result = Assess(tenant, "national2021", items);
            Assert.Equal(AdlScores.Keys.Sum(k => items[k]), result.Totals["adl"]);
            Assert.Equal(Cognition.Sum(k => items[k]), result.Totals["cognition"]);
            Assert.Equal(Perception.Sum(k => items[k]), result.Totals["perception"]);
            Assert.Equal(ExpectedLevel(items), result.Level);
            Assert.Equal(result.Level >= 3, result.EligibleForBenefit);
        });

    /// <summary>Losing ability on any one item never makes the assessed disability level lighter.</summary>
    [Property(MaxTest = Runs)]
    public Property A_lower_score_on_one_item_never_lowers_the_national_level() =>
        Prop.ForAll(Items(NationalScores).ToArbitrary(), Gen.Elements(NationalScores.Keys.ToArray()).ToArbitrary(), (items, item) =>
        {
            var allowed = NationalScores[item];
            var lower = allowed.Where(s => s < items[item]).DefaultIfEmpty(items[item]).Max();
            var worse = new Dictionary<string, int>(items) { [item] = lower };
            Assert.True(Assess(TenantIds.Yulin, "national2021", worse).Level >= Assess(TenantIds.Yulin, "national2021", items).Level);
        });

    [Property(MaxTest = Runs)]
    public Property A_score_outside_an_items_allowed_set_is_refused() =>
        Prop.ForAll(
            Items(NationalScores).ToArbitrary(),
            Gen.Elements(NationalScores.Keys.ToArray()).ToArbitrary(),
            Gen.Choose(-5, 20).ToArbitrary(),
            (items, item, score) =>
            {
                if (NationalScores[item].Contains(score))
                {
                    return;
                }

                var bad = new Dictionary<string, int>(items) { [item] = score };
                var error = Assert.Throws<PolicyException>(() => Assess(TenantIds.Zhenjiang, "national2021", bad));
                Assert.Equal(ErrorCodes.InvalidItemScore, error.Code);
            });
}
