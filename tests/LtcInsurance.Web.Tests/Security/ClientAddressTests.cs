using System.Net;
using LtcInsurance.Application.Accounts;

namespace LtcInsurance.Web.Tests.Security;

/// <summary>The key sign-in throttling counts a client under: one IPv4 address, or one IPv6 /64 (a subscriber's whole prefix).</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Addresses_are_counted_by_IPv4_address_or_IPv6_prefix(string address, string key) =>
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_one_key_of_its_own() => Assert.Equal(ClientAddress.Unknown, ClientAddress.Key(null));
}
