using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LtcInsurance.Domain.Tests.Values;

public class MoneyTests
{
    [Theory]
    [Trait("clause", "digest 6.9")]
    [InlineData(2.675, 2.68)]
    [InlineData(2.665, 2.67)]
    [InlineData(0.005, 0.01)]
    [InlineData(-0.005, -0.01)]
    [InlineData(30.282615, 30.28)]
    public void Money_rounds_once_to_the_fen_half_away_from_zero(double raw, double rounded)
    {
        Assert.Equal((decimal)rounded, Money.Round((decimal)raw));
    }

    [Fact]
    public void Allocation_splits_a_total_in_proportion_and_sums_exactly()
    {
        var parts = Money.Allocate(10.00m, [1m, 1m, 1m]);
        Assert.Equal([3.34m, 3.33m, 3.33m], parts);
        Assert.Equal(10.00m, parts.Sum());
    }

    [Fact]
    public void Allocation_refuses_a_total_that_is_not_whole_fen()
    {
        Assert.Throws<ArgumentException>(() => Money.Allocate(1.005m, [1m]));
    }

    [Property(MaxTest = 300)]
    public Property Allocation_of_a_share_never_exceeds_a_line_and_always_sums_to_the_total()
    {
        var lines = Gen.Choose(0, 50_000).Select(c => c / 100m).ListOf().Where(l => l.Count > 0 && l.Sum() > 0);
        var ratio = Gen.Choose(0, 100).Select(p => p / 100m);
        return Prop.ForAll(
            lines.ToArbitrary(),
            ratio.ToArbitrary(),
            (amounts, share) =>
            {
                var total = Money.Round(amounts.Sum() * share);
                var parts = Money.Allocate(total, amounts.ToList());
                return parts.Sum() == total
                    && parts.Zip(amounts).All(p => p.First >= 0 && p.First <= p.Second && p.First == Money.Round(p.First));
            });
    }
}
