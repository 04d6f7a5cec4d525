using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Domain.Tests.Assessment;

public class BarthelTests
{
    private static readonly AssessmentInstrument Barthel = AssessmentInstrument.BuiltInTable("barthel");

    private static Dictionary<string, int> Items(int feeding = 10, int bathing = 5, int grooming = 5, int dressing = 10, int bowels = 10,
        int bladder = 10, int toilet = 10, int transfer = 15, int mobility = 15, int stairs = 10) => new()
        {
            ["feeding"] = feeding,
            ["bathing"] = bathing,
            ["grooming"] = grooming,
            ["dressing"] = dressing,
            ["bowels"] = bowels,
            ["bladder"] = bladder,
            ["toilet"] = toilet,
            ["transfer"] = transfer,
            ["mobility"] = mobility,
            ["stairs"] = stairs,
        };

    [Theory]
    [Trait("clause", "SS 二(四)")]
    [InlineData(100, "independent")]
    [InlineData(95, "mild")]
    [InlineData(65, "mild")]
    [InlineData(60, "moderate")]
    [InlineData(45, "moderate")]
    [InlineData(40, "severe")]
    [InlineData(0, "severe")]
    public void Barthel_total_reads_against_the_pilot_bands(int total, string band)
    {
        Assert.Equal(band, Barthel.GradeOf("total", total));
    }

    [Fact]
    [Trait("clause", "SS 二(四)")]
    public void Barthel_adds_the_ten_items()
    {
        var score = Barthel.Score(Items(feeding: 5, stairs: 0));
        Assert.Equal(85, score.Totals["total"]);
        Assert.Null(score.Level);
    }

    [Fact]
    public void Barthel_score_outside_the_items_allowed_set_is_invalid_and_named()
    {
        var error = Assert.Throws<PolicyException>(() => Barthel.Score(Items(bathing: 10)));
        Assert.Equal(ErrorCodes.InvalidItemScore, error.Code);
        Assert.Contains("bathing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Barthel_missing_and_unknown_items_are_refused_naming_the_item()
    {
        var missing = Items();
        missing.Remove("stairs");
        var missingError = Assert.Throws<PolicyException>(() => Barthel.Score(missing));
        Assert.Equal(ErrorCodes.InvalidItemScore, missingError.Code);
        Assert.Contains("缺少评估项目 stairs", missingError.Message, StringComparison.Ordinal);
        var unknown = Items();
        unknown["memory"] = 2;
        var unknownError = Assert.Throws<PolicyException>(() => Barthel.Score(unknown));
        Assert.Equal(ErrorCodes.InvalidItemScore, unknownError.Code);
        Assert.Contains("memory", unknownError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reachable_barthel_total_falls_in_exactly_one_band()
    {
        for (var total = 0; total <= 100; total += 5)
        {
            Assert.NotNull(Barthel.GradeOf("total", total));
        }
    }

    [Fact]
    public void Unknown_instrument_is_refused()
    {
        Assert.Equal(ErrorCodes.UnknownInstrument, Assert.Throws<PolicyException>(() => AssessmentInstrument.BuiltInTable("katz")).Code);
    }
}
