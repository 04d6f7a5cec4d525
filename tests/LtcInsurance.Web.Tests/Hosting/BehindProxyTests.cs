using System.Net;
using static LtcInsurance.Web.Tests.Hosting.ProxyRequests;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>
/// The application behind nginx on the same machine: the test client connects from 127.0.0.1, the default (and only
/// default) trusted proxy, and sends what nginx sends for a browser on https://ltc.example.gov.cn.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BehindProxyTests(LtcWebHost host)
{
    [Fact]
    public async Task Redirects_go_to_https_on_the_public_host_and_HSTS_is_sent()
    {
        using var client = Client(host.ServerAddress);

        using var response = await GetAsync(client, "/", ViaHttpsProxy());

        Assert.True(IsRedirect(response), $"expected a redirect to the sign-in page, got {(int)response.StatusCode}");
        Assert.StartsWith($"https://{PublicHost}/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_forwarded_headers_the_redirect_stays_http_and_no_HSTS_is_sent()
    {
        using var client = Client(host.ServerAddress);

        using var response = await GetAsync(client, "/", Direct);

        Assert.True(IsRedirect(response));
        Assert.StartsWith(host.ServerAddress + "account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Sign_in_behind_the_https_proxy_sets_Secure_HttpOnly_cookies_and_lands_on_https()
    {
        using var client = Client(host.ServerAddress);

        using var form = await GetAsync(client, "/account/login", ViaHttpsProxy());
        var antiforgery = SetCookie(form, "ltc.af");
        using var signIn = await SignInAsync(client, "clerk.jining", ViaHttpsProxy());
        var auth = SetCookie(signIn, "ltc.auth");

        Assert.NotNull(antiforgery);
        Assert.Contains("secure", Attributes(antiforgery));
        Assert.True(IsRedirect(signIn), $"sign-in failed with {(int)signIn.StatusCode}");
        Assert.NotNull(auth);
        Assert.Contains("secure", Attributes(auth));
        Assert.Contains("httponly", Attributes(auth));
        Assert.Contains("samesite=lax", Attributes(auth));
        var location = signIn.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Scheme == "https", $"sign-in redirected to {location}");
    }

    [Fact]
    public async Task Sign_in_over_plain_http_sets_no_Secure_cookie()
    {
        using var client = Client(host.ServerAddress);

        using var signIn = await SignInAsync(client, "clerk.jining", Direct);
        var auth = SetCookie(signIn, "ltc.auth");

        Assert.NotNull(auth);
        Assert.DoesNotContain("secure", Attributes(auth));
    }

    [Fact]
    public async Task A_static_file_behind_the_https_proxy_carries_HSTS_too()
    {
        using var client = Client(host.ServerAddress);

        using var response = await GetAsync(client, "/css/app.css", ViaHttpsProxy());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }
}
