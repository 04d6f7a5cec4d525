using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tests.Policies;

namespace LtcInsurance.Domain.Tests.Assessment;

public class National2021Tests
{
    private static readonly AssessmentInstrument National = AssessmentInstrument.BuiltInTable("national2021");

    [Theory]
    [Trait("clause", "ZJ 二(四)")]
    [InlineData(100, 16, 12, 0)]
    [InlineData(100, 15, 12, 0)]
    [InlineData(100, 16, 3, 1)]
    [InlineData(100, 1, 12, 1)]
    [InlineData(95, 16, 12, 1)]
    [InlineData(65, 2, 12, 1)]
    [InlineData(65, 16, 0, 2)]
    [InlineData(60, 16, 12, 2)]
    [InlineData(45, 3, 11, 2)]
    [InlineData(45, 1, 12, 3)]
    [InlineData(40, 16, 12, 3)]
    [InlineData(40, 15, 4, 3)]
    [InlineData(40, 3, 12, 4)]
    [InlineData(40, 16, 1, 5)]
    [InlineData(0, 0, 0, 5)]
    public void National_level_reads_adl_grade_against_the_worse_of_cognition_and_perception(int adl, int cognition, int perception, int level)
    {
        var score = National.Score(National2021Items.With(adl, cognition, perception));
        Assert.Equal((adl, cognition, perception), (score.Totals["adl"], score.Totals["cognition"], score.Totals["perception"]));
        Assert.Equal(level, score.Level);
    }

    [Fact]
    public void National_example_from_the_cases_scores_level_two()
    {
        var items = new Dictionary<string, int>
        {
            ["feeding"] = 0,
            ["bathing"] = 5,
            ["grooming"] = 5,
            ["dressing"] = 10,
            ["bowels"] = 5,
            ["bladder"] = 0,
            ["toilet"] = 5,
            ["transfer"] = 10,
            ["mobility"] = 15,
            ["stairs"] = 5,
            ["time_orientation"] = 3,
            ["person_orientation"] = 1,
            ["place_orientation"] = 1,
            ["memory"] = 0,
            ["vision"] = 1,
            ["hearing"] = 1,
            ["communication"] = 1,
        };
        var score = National.Score(items);
        Assert.Equal(("moderate", "mild", "moderate"), (score.Grades["adl"], score.Grades["cognition"], score.Grades["perception"]));
        Assert.Equal(2, score.Level);
        Assert.Equal("中度失能", score.LevelLabel);
    }

    [Fact]
    public void National_cognition_item_above_4_is_invalid()
    {
        var items = National2021Items.With(40, 16, 12);
        items["memory"] = 5;
        var error = Assert.Throws<PolicyException>(() => National.Score(items));
        Assert.Equal(ErrorCodes.InvalidItemScore, error.Code);
        Assert.Contains("memory", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walks every item combination of each indicator (ADL 46 656, cognition 625, perception 125):
    /// each total lands in exactly one band. The level depends only on the three totals, so every
    /// reachable triple of totals is then scored through the instrument and must give one level 0–5.
    /// </summary>
    [Fact]
    public void Every_reachable_national_item_combination_maps_to_exactly_one_level()
    {
        var reachable = National.Indicators.ToDictionary(i => i.Code, i => ReachableTotals(i.Code));
        Assert.Equal(21, reachable["adl"].Count);
        Assert.Equal(17, reachable["cognition"].Count);
        Assert.Equal(13, reachable["perception"].Count);

        var levels = new HashSet<int>();
        foreach (var adl in reachable["adl"])
        {
            foreach (var cognition in reachable["cognition"])
            {
                foreach (var perception in reachable["perception"])
                {
                    var score = National.Score(National2021Items.With(adl, cognition, perception));
                    Assert.InRange(score.Level!.Value, 0, 5);
                    levels.Add(score.Level.Value);
                }
            }
        }

        Assert.Equal([0, 1, 2, 3, 4, 5], levels.Order());
    }

    private static HashSet<int> ReachableTotals(string indicator)
    {
        var totals = new HashSet<int> { 0 };
        var combinations = 1L;
        foreach (var item in National.Items.Where(i => i.Indicator == indicator))
        {
            totals = [.. totals.SelectMany(t => item.Scores.Select(s => t + s))];
            combinations *= item.Scores.Count;
        }

        // enumerate every combination explicitly too, proving each total has exactly one grade
        var counts = new Dictionary<string, long>();
        foreach (var total in Enumerate(National.Items.Where(i => i.Indicator == indicator).ToList(), 0, 0))
        {
            var grade = National.GradeOf(indicator, total);
            counts[grade] = counts.GetValueOrDefault(grade) + 1;
        }

        Assert.Equal(combinations, counts.Values.Sum());
        return totals;
    }

    private static IEnumerable<int> Enumerate(List<InstrumentItem> items, int index, int sum)
    {
        if (index == items.Count)
        {
            yield return sum;
            yield break;
        }

        foreach (var score in items[index].Scores)
        {
            foreach (var total in Enumerate(items, index + 1, sum + score))
            {
                yield return total;
            }
        }
    }

    [Fact]
    public void A_corrected_instrument_table_in_the_same_format_replaces_the_built_in_one()
    {
        var json = """
        {"id":"local","name":"本地量表","version":"1","source":"test",
         "items":[{"code":"a","label":"甲","indicator":"total","scores":[0,1]}],
         "indicators":[{"code":"total","label":"合计","bands":[{"grade":"severe","label":"重度","min":0,"max":0},{"grade":"independent","label":"完好","min":1,"max":1}]}],
         "combination":null}
        """;
        var local = AssessmentInstrument.FromJson(json);
        Assert.Equal("severe", local.Score(new Dictionary<string, int> { ["a"] = 0 }).Grades["total"]);
    }

    [Fact]
    public void A_tenant_can_score_with_its_own_version_of_an_instrument()
    {
        var corrected = National with
        {
            Indicators = [.. National.Indicators.Select(i => i.Code != "adl" ? i : i with
            {
                Bands =
                [
                    new ScoreBand("intact", "能力完好", 100, 100),
                    new ScoreBand("mild", "轻度受损", 65, 95),
                    new ScoreBand("moderate", "中度受损", 40, 60),
                    new ScoreBand("severe", "重度受损", 0, 35),
                ],
            })],
        };
        var calculator = new PolicyCalculator(
            new LayeredParameterProvider(
                PolicyCalculator.DefaultParameters,
                new ParameterOverrides()),
            new InstrumentCatalog().Use("yulin", corrected));
        var input = new AssessmentInput("national2021", National2021Items.With(40, 16, 12));
        var asked = (AssessmentResult)calculator.Evaluate(
            new PolicyCase("assessment", "yulin", new DateOnly(2027, 2, 1), input, new Dictionary<string, object?>())).Result;
        Assert.Equal(2, asked.Level);
        Assert.Equal(3, National.Score(input.Items).Level);
    }
}
