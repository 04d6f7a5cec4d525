namespace LtcInsurance.Domain.Tests.Values;

public class CalendarTests
{
    [Fact]
    public void Month_parses_yyyy_mm_and_knows_its_days()
    {
        Assert.True(Month.TryParse("2028-02", out var month));
        Assert.Equal(new DateOnly(2028, 2, 29), month.LastDay);
        Assert.Equal("2028-02", month.ToString());
        Assert.True(month.Contains(new DateOnly(2028, 2, 1)));
        Assert.False(month.Contains(new DateOnly(2028, 3, 1)));
    }

    [Theory]
    [InlineData("2027-13")]
    [InlineData("2027-3")]
    [InlineData("202703")]
    [InlineData(null)]
    public void Month_rejects_malformed_text(string? text)
    {
        Assert.False(Month.TryParse(text, out _));
    }

    [Fact]
    public void Date_range_is_inclusive_and_may_be_open_ended()
    {
        var open = new DateRange(new DateOnly(2027, 3, 1), null);
        var closed = new DateRange(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31));
        Assert.True(open.Contains(new DateOnly(2099, 1, 1)));
        Assert.True(closed.Contains(new DateOnly(2027, 3, 31)));
        Assert.False(closed.Contains(new DateOnly(2027, 2, 28)));
        Assert.Throws<ArgumentException>(() => new DateRange(new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 1)));
    }

    [Theory]
    [InlineData("2027", true, "2027-01-01", "2027-12-31")]
    [InlineData("2027-03", false, "2027-03-01", "2027-03-31")]
    public void Contribution_period_is_a_year_or_a_month(string text, bool isYear, string start, string end)
    {
        Assert.True(ContributionPeriod.TryParse(text, out var period));
        Assert.Equal(isYear, period.IsYear);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(text, period.ToString());
    }
}
