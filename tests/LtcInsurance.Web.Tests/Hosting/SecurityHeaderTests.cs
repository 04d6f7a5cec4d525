using System.Net;
using static LtcInsurance.Web.Tests.Hosting.ProxyRequests;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>Every kind of response carries the security headers, with the values docs/security.md states.</summary>
[Collection(WebCollection.Name)]
public sealed class SecurityHeaderTests(LtcWebHost host)
{
    /// <summary>Written out here, not read from the application, so that a weakened or dropped header fails.</summary>
    public static readonly string[] ExpectedCspDirectives =
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self' ws: wss:",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ];

    [Theory]
    [InlineData("/", HttpStatusCode.OK, "a page")]
    [InlineData("/people", HttpStatusCode.OK, "a page")]
    [InlineData("/css/app.css", HttpStatusCode.OK, "a static file")]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK, "the Blazor script")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", HttpStatusCode.OK, "a component library script")]
    [InlineData("/no/such/page", HttpStatusCode.NotFound, "the 404 page")]
    [InlineData("/api/v1/no-such-resource", HttpStatusCode.NotFound, "an /api problem")]
    [InlineData("/error/500", HttpStatusCode.InternalServerError, "the 500 page")]
    [InlineData("/people/export.csv", HttpStatusCode.OK, "a download")]
    public async Task Signed_in_responses_carry_the_security_headers(string path, HttpStatusCode status, string what)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        using var response = await client.GetAsync(path);

        Assert.True(status == response.StatusCode, $"{what} {path}: expected {(int)status}, got {(int)response.StatusCode}");
        AssertSecurityHeaders(response, what);
    }

    [Theory]
    [InlineData("/", "a redirect to sign in")]
    [InlineData("/account/login", "the sign-in page")]
    [InlineData("/api/v1/claims", "an anonymous /api 401")]
    [InlineData("/health", "the health check")]
    public async Task Anonymous_responses_carry_the_security_headers(string path, string what)
    {
        using var client = host.CreateBrowserLikeClient();

        using var response = await client.GetAsync(path);

        AssertSecurityHeaders(response, what);
    }

    [Fact]
    public async Task An_api_problem_is_json_and_still_carries_the_headers()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        using var response = await client.GetAsync("/api/v1/no-such-resource");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response, "an /api problem");
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var directive in ExpectedCspDirectives)
            Assert.True(directives.Contains(directive), $"{what}: CSP lacks \"{directive}\": {csp}");
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain(directives, d => d.StartsWith("script-src", StringComparison.Ordinal) && d.Contains("unsafe-inline", StringComparison.Ordinal));

        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options");
        Assert.True(Header(response, "X-Frame-Options") == "DENY", $"{what}: X-Frame-Options");
        Assert.True(Header(response, "Referrer-Policy") is "strict-origin-when-cross-origin" or "no-referrer", $"{what}: Referrer-Policy");
        var permissions = Header(response, "Permissions-Policy");
        Assert.True(permissions is not null, $"{what}: no Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
    }
}
