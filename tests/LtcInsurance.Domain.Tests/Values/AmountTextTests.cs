using System.Globalization;
using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Tests.Values;

/// <summary>
/// The shared amount parser (issue #16 item 3): one invariant way, whatever the thread's culture. "1,0.00" is an error,
/// never 10.00 (what <c>decimal.TryParse</c> with <c>NumberStyles.Number</c> makes of it).
/// </summary>
public class AmountTextTests
{
    [Theory]
    [InlineData("12", "12")]
    [InlineData(" 12.5 ", "12.5")]
    [InlineData("12.50", "12.50")]
    [InlineData("0.01", "0.01")]
    [InlineData("1234567.89", "1234567.89")]
    [InlineData("12.345", "12.345")]
    public void Digits_and_a_point_are_amounts(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), AmountText.Parse(text));

    [Theory]
    [InlineData("1,0.00")]
    [InlineData("1,000")]
    [InlineData("1.000,00")]
    [InlineData("10,00")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("1 000")]
    [InlineData("¥12")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("1.2.3")]
    [InlineData("12.1234567")]
    [InlineData("１２")] // full-width digits
    [InlineData("NaN")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("99999999999999999999999999999999999")]
    public void Anything_else_is_an_error_not_a_guess(string? text)
    {
        Assert.Null(AmountText.Parse(text));
        Assert.False(AmountText.TryParse(text, out _));
    }

    [Theory]
    [InlineData("8,123.45", "8123.45")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("999", "999")]
    public void Where_allowed_thousands_separators_must_be_real_groups_of_three(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), AmountText.Parse(text, allowThousandsSeparators: true));

    [Theory]
    [InlineData("1,0.00")]
    [InlineData("10,00")]
    [InlineData("1,00,000")]
    [InlineData(",100")]
    [InlineData("1,000,")]
    [InlineData("1.000,00")]
    [InlineData("1,000.0,0")]
    public void Misplaced_separators_are_errors_even_where_groups_are_allowed(string text) =>
        Assert.Null(AmountText.Parse(text, allowThousandsSeparators: true));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("zh-CN")]
    [InlineData("ar-SA")]
    public void The_threads_culture_changes_nothing(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(12.5m, AmountText.Parse("12.5"));
            Assert.Null(AmountText.Parse("12,5"));
            Assert.Null(AmountText.Parse("1,0.00", allowThousandsSeparators: true));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
