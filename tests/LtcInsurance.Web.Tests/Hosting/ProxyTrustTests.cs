using System.Net;
using LtcInsurance.Application.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static LtcInsurance.Web.Tests.Hosting.ProxyRequests;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>
/// A second application on the same database configured as in deploy/ltcinsurance.service: nginx is 10.0.0.10
/// (<c>Ltc:Proxy:KnownProxies</c>), the public host name is the only allowed one. The peer address of each request is
/// set by <see cref="PeerAddressStartupFilter"/>.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ProxyTrustTests(LtcWebHost host)
{
    private const string Nginx = "10.0.0.10";
    private const string Stranger = "203.0.113.7";

    [Fact]
    public async Task Forwarded_headers_are_believed_from_the_configured_proxy_only()
    {
        await using var app = Configured(host);
        using var client = ClientOf(app);

        using var fromNginx = await GetAsync(client, "/", ViaHttpsProxy(peer: Nginx));
        using var fromStranger = await GetAsync(client, "/", ViaHttpsProxy(peer: Stranger));
        using var fromLoopback = await GetAsync(client, "/", ViaHttpsProxy(peer: "127.0.0.1"));
        using var formFromStranger = await GetAsync(client, "/account/login", ViaHttpsProxy(peer: Stranger));

        Assert.StartsWith($"https://{PublicHost}/account/login", Location(fromNginx), StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", Header(fromNginx, "Strict-Transport-Security"));

        // The stranger's X-Forwarded-Proto is ignored: the redirect stays on the scheme it really used, no HSTS, and
        // the antiforgery cookie is not marked Secure on its word.
        Assert.StartsWith($"http://{PublicHost}/account/login", Location(fromStranger), StringComparison.Ordinal);
        Assert.Null(Header(fromStranger, "Strict-Transport-Security"));
        var antiforgery = SetCookie(formFromStranger, "ltc.af");
        Assert.NotNull(antiforgery);
        Assert.DoesNotContain("secure", Attributes(antiforgery));

        // Loopback is the default only while no proxy is configured.
        Assert.StartsWith($"http://{PublicHost}/account/login", Location(fromLoopback), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlisted_host_names_are_refused_and_not_accepted_from_the_proxy_either()
    {
        await using var app = Configured(host);
        using var client = ClientOf(app);

        using var direct = await GetAsync(client, "/", request =>
        {
            request.Headers.Host = "evil.example";
            request.Headers.Add(PeerHeader, Stranger);
        });
        using var forwarded = await GetAsync(client, "/", ViaHttpsProxy(peer: Nginx, forwardedHost: "evil.example"));

        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        SecurityHeaderTests.AssertSecurityHeaders(direct, "a refused host");
        Assert.DoesNotContain("evil.example", Location(forwarded), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_inside_the_application_still_answers_with_the_security_headers()
    {
        // Every database command fails (as in HealthAndErrorPageTests): the exception handler clears the response's
        // headers before it renders the 500 page; the security headers must be written after that.
        await using var app = Configured(host, services => services.AddScoped<ICurrentTenant, FailingCurrentTenant>());
        using var client = ClientOf(app);
        using var form = await GetAsync(client, "/account/login", ViaHttpsProxy(peer: Nginx));
        var html = await form.Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
                ["_handler"] = "login",
                ["Input.UserName"] = "clerk.yulin",
                ["Input.Password"] = LtcWebHost.DemoPassword,
            }),
        };
        ViaHttpsProxy(peer: Nginx)(request);
        request.Headers.Add("Cookie", string.Join("; ", CookiePairs(form)));
        using var failed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        SecurityHeaderTests.AssertSecurityHeaders(failed, "the 500 page after an exception");
        Assert.Equal("max-age=31536000", Header(failed, "Strict-Transport-Security"));
    }

    private static WebApplicationFactory<Program> Configured(LtcWebHost host, Action<IServiceCollection>? services = null) =>
        host.WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ltc:Proxy:KnownProxies"] = Nginx,
                ["AllowedHosts"] = PublicHost,
            }));
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<IStartupFilter, PeerAddressStartupFilter>();
                services?.Invoke(s);
            });
        });

    private static HttpClient ClientOf(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Host = PublicHost;
        return client;
    }

    private static string Location(HttpResponseMessage response) =>
        IsRedirect(response) ? response.Headers.Location?.ToString() ?? "" : $"(no redirect: {(int)response.StatusCode})";

    private sealed class FailingCurrentTenant : ICurrentTenant
    {
        public string? TenantId => throw new InvalidOperationException("tenant lookup failed");
    }
}
