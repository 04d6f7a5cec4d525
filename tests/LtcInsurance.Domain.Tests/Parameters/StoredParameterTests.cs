using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Tests.Parameters;

/// <summary>Stored parameter versions (issue #10): strict value text per kind, bitemporal layering, four eyes.</summary>
public class StoredParameterTests
{
    private static readonly DateOnly Jan2027 = new(2027, 1, 1);

    private static readonly ParameterDefinition Standard = ParameterDefinition.WithoutValue("standard", ParameterKind.Amount, "yuan", "X 二(三)", "筹资标准");

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ParameterDefinition>> Defaults =
        new Dictionary<string, IReadOnlyList<ParameterDefinition>>
        {
            ["t"] =
            [
                new ParameterDefinition("rate", ParameterKind.Ratio, "ratio", "X 一", "费率", [new DatedValue(Jan2027, 0.10m), new DatedValue(new DateOnly(2028, 1, 1), 0.12m)]),
                Standard,
            ],
        };

    private static ApprovedParameterValue Stored(string name, int version, DateOnly from, DateOnly? to, object value, int decidedDay) =>
        new(name, version, from, to, value, new DateTimeOffset(2026, 12, decidedDay, 0, 0, 0, TimeSpan.Zero), "测试文件");

    [Property(MaxTest = 300)]
    public Property Amounts_with_at_most_two_decimals_read_back_as_written_and_a_third_decimal_is_refused()
    {
        var cents = Gen.Choose(0, int.MaxValue).Select(c => c / 100m).ToArbitrary();
        return Prop.ForAll(cents, amount =>
        {
            var text = ParameterValueText.Format(ParameterKind.Amount, amount);
            var read = ParameterValueText.TryParse(Standard, text, out _);
            var third = ParameterValueText.TryParse(Standard, text + "1", out var error);
            return Equals(read, amount) && third is null && error!.Contains("取值", StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(ParameterKind.Ratio, "0.7", "0.70")]
    [InlineData(ParameterKind.Ratio, "1", "1.00")]
    [InlineData(ParameterKind.Count, "6", "6")]
    [InlineData(ParameterKind.Date, "2027-01-01", "2027-01-01")]
    [InlineData(ParameterKind.Flag, "true", "true")]
    [InlineData(ParameterKind.TextList, "3211, 321182", "3211,321182")]
    public void Each_kind_has_one_canonical_text(ParameterKind kind, string typed, string canonical)
    {
        var name = kind == ParameterKind.TextList ? "schemeAreaCodes" : "x";
        var definition = new ParameterDefinition(name, kind, "u", "c", "l", []);
        var value = ParameterValueText.TryParse(definition, typed, out var error);
        Assert.Null(error);
        Assert.Equal(canonical, ParameterValueText.Format(kind, value!));
    }

    [Fact]
    public void Strategy_codes_are_only_those_the_engine_knows()
    {
        var rule = CommonParameters.BenefitStart(CommonParameters.StartDayAfterConclusion, "c", "l");
        Assert.Equal(CommonParameters.StartDayAfterPublicity, ParameterValueText.TryParse(rule, CommonParameters.StartDayAfterPublicity, out _));
        Assert.Null(ParameterValueText.TryParse(rule, "next_monday", out var error));
        Assert.Contains(CommonParameters.StartDayAfterConclusion, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reading_of_Yulin_is_stored_only_as_one_of_its_choices()
    {
        var reading = LtcInsurance.Domain.Policies.Yulin.YulinParameters.All
            .First(d => d.Name == LtcInsurance.Domain.Policies.Yulin.YulinParameters.SubsidyScope);
        var choice = LtcInsurance.Domain.Policies.Yulin.YulinParameters.SubsidyResidentStandardOnly;
        Assert.Equal(choice, ParameterValueText.TryParse(reading, choice, out _));
        Assert.Null(ParameterValueText.TryParse(reading, "everyone", out var error));
        Assert.Contains(choice, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_version_applies_within_its_range_and_records_its_version_and_document()
    {
        var provider = new VersionedParameterProvider(Defaults, "t",
            [Stored("standard", 1, Jan2027, new DateOnly(2027, 12, 31), 90m, 1)]);

        var inForce = provider.Resolve("t", "standard", new DateOnly(2027, 6, 1));
        Assert.Equal((90m, 1, ParameterSource.Tenant), (inForce.Number, inForce.Version, inForce.Source));
        Assert.Contains("测试文件", inForce.Clause, StringComparison.Ordinal);
        var after = Assert.Throws<PolicyException>(() => provider.Resolve("t", "standard", new DateOnly(2028, 1, 1)));
        Assert.Equal(ErrorCodes.ParameterMissing, after.Code);
        Assert.Null(provider.Resolve("t", "rate", Jan2027).Version);
    }

    [Fact]
    public void On_the_same_effective_date_the_later_decision_wins_and_a_later_shipped_value_wins_over_an_earlier_version()
    {
        var provider = new VersionedParameterProvider(Defaults, "t",
        [
            Stored("standard", 2, Jan2027, null, 45m, 5),
            Stored("standard", 1, Jan2027, null, 30m, 1),
            Stored("rate", 1, Jan2027, null, 0.2m, 1),
        ]);

        Assert.Equal((45m, 2), (provider.Resolve("t", "standard", Jan2027).Number, provider.Resolve("t", "standard", Jan2027).Version));
        Assert.Equal(0.2m, provider.Resolve("t", "rate", new DateOnly(2027, 6, 1)).Number);
        Assert.Equal(0.12m, provider.Resolve("t", "rate", new DateOnly(2028, 6, 1)).Number);
        var listed = provider.Definitions("t").Single(d => d.Name == "standard").Values;
        Assert.Equal(45m, listed[^1].Value);
        Assert.Contains("第 2 版", listed[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_proposer_cannot_decide_and_a_version_is_decided_once()
    {
        var version = StoredParameterVersion.Propose("t", "standard", 1, "90.00", Jan2027, null, "yuan", "测试文件", "测试值",
            "admin.a", DateTimeOffset.UnixEpoch);

        Assert.Equal("parameter_four_eyes", Assert.Throws<BusinessRuleViolationException>(() =>
            version.Decide(true, "ADMIN.A", DateTimeOffset.UnixEpoch, null)).Code);
        Assert.Equal("parameter_rejection_note", Assert.Throws<BusinessRuleViolationException>(() =>
            version.Decide(false, "admin.b", DateTimeOffset.UnixEpoch, "")).Code);
        version.Decide(true, "admin.b", DateTimeOffset.UnixEpoch, null);
        Assert.Equal(StoredParameterVersion.Approved, version.Status);
        Assert.Equal("parameter_already_decided", Assert.Throws<BusinessRuleViolationException>(() =>
            version.Decide(false, "admin.c", DateTimeOffset.UnixEpoch, "迟到")).Code);
    }
}
