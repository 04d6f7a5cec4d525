using LtcInsurance.Web;

namespace LtcInsurance.Web.Tests.Security;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/people?q=1", "/people?q=1")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void Return_addresses_stay_on_the_site(string? url, string expected) => Assert.Equal(expected, LocalUrl.OrRoot(url));
}
