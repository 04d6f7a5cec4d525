using LtcInsurance.Application.People;

namespace LtcInsurance.Web.Tests.People;

public sealed class PeopleSearchTests
{
    [Theory]
    [InlineData("3211")]
    [InlineData("321102195001011234")]
    [InlineData("32110219500101123X")]
    public void Digits_search_the_ID_number(string text) => Assert.True(PeopleSearch.LooksLikeIdPrefix(text));

    [Theory]
    [InlineData("张")]
    [InlineData("X321")]
    [InlineData("3211X")]
    [InlineData("3211021950010112345")]
    public void Anything_else_searches_the_name(string text) => Assert.False(PeopleSearch.LooksLikeIdPrefix(text));
}
