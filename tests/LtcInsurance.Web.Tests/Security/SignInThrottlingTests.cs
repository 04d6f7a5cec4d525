using System.Net;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LtcInsurance.Web.Tests.Security;

/// <summary>
/// Issue #16 item 5 on an application of its own (same database) with the shipped limit of 10 sign-in posts per address
/// and minute, each request's peer address set by <see cref="PeerAddressStartupFilter"/>: an anonymous client can no
/// longer lock anybody out.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SignInThrottlingTests(LtcWebHost host)
{
    private const string Attacker = "203.0.113.66";
    private const string Office = "198.51.100.40";

    [Fact]
    public async Task Twenty_wrong_passwords_for_admin_from_one_address_are_throttled_and_admin_still_signs_in_from_another()
    {
        await using var app = Throttled(host);
        using var attacker = ClientOf(app, Attacker);
        var failuresBefore = await AdminFailuresAsync();

        var statuses = new List<HttpStatusCode>();
        string? lastPage = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var response = await SignIn.PostAsync(attacker, "admin", "Wrong@password1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                lastPage = await response.Content.ReadAsStringAsync();
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.NotNull(lastPage);
        Assert.Contains("登录尝试过于频繁", lastPage, StringComparison.Ordinal);
        // At most one failure per address counts towards the account's lockout.
        Assert.Equal(failuresBefore + 1, await AdminFailuresAsync());

        using var office = ClientOf(app, Office);
        using var signedIn = await SignIn.PostAsync(office, "admin", LtcWebHost.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var tenants = await office.GetAsync("/admin/tenants");
        Assert.Equal(HttpStatusCode.OK, tenants.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_refuse_that_address_the_account_but_not_the_owner_elsewhere()
    {
        // A user no other test signs in with.
        const string user = "assessor.yuzhong";
        await using var app = Throttled(host);
        using var guesser = ClientOf(app, "203.0.113.77");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignIn.PostAsync(guesser, user, "Wrong@password1");
            Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var fifth = await SignIn.PostAsync(guesser, user, "Wrong@password1");
        Assert.Contains("账户已锁定", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var rightFromGuesser = await SignIn.PostAsync(guesser, user, LtcWebHost.DemoPassword);
        Assert.Contains("账户已锁定", await rightFromGuesser.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An unknown name from the same address ends the same way: the answers do not tell which names exist.
        for (var attempt = 1; attempt <= 4; attempt++)
            (await SignIn.PostAsync(ClientOf(app, "203.0.113.78"), "nobody.yuzhong", "Wrong@password1")).Dispose();
        using var unknownFifth = await SignIn.PostAsync(ClientOf(app, "203.0.113.78"), "nobody.yuzhong", "Wrong@password1");
        Assert.Contains("账户已锁定", await unknownFifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var owner = ClientOf(app, "198.51.100.41");
        using var signedIn = await SignIn.PostAsync(owner, user, LtcWebHost.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Failures_counted_by_one_node_count_on_another()
    {
        // Two applications on one database, as two nodes behind the load balancer: the count is in the database.
        const string user = "nobody.twonodes";
        const string guesser = "203.0.113.79";
        await using var first = Throttled(host);
        await using var second = Throttled(host);

        for (var attempt = 1; attempt <= 3; attempt++)
            (await SignIn.PostAsync(ClientOf(first, guesser), user, "Wrong@password1")).Dispose();
        using var fourth = await SignIn.PostAsync(ClientOf(second, guesser), user, "Wrong@password1");
        Assert.Contains("用户名或密码不正确", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var fifth = await SignIn.PostAsync(ClientOf(second, guesser), user, "Wrong@password1");
        Assert.Contains("账户已锁定", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await host.QueryAsOwnerAsync<int>(
            $"SELECT failures FROM sign_in_failure_counts WHERE address = '{guesser}' AND user_name = 'NOBODY.TWONODES'"));
    }

    [Fact]
    public async Task The_idle_timeout_is_configurable()
    {
        await using var app = Throttled(host);

        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(10), cookie.ExpireTimeSpan);
    }

    private Task<int> AdminFailuresAsync() =>
        host.QueryAsOwnerAsync<int>("select access_failed_count from users where user_name = 'admin'");

    private static WebApplicationFactory<Program> Throttled(LtcWebHost host) =>
        host.WithWebHostBuilder(builder =>
        {
            // Settings, not a configuration source: the program reads these while it registers its services.
            builder.UseSetting("Ltc:Security:SignInPermitsPerMinute", "10");
            builder.UseSetting("Ltc:Security:IdleTimeout", "00:10:00");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>());
        });

    private static HttpClient ClientOf(WebApplicationFactory<Program> app, string peer)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ProxyRequests.PeerHeader, peer);
        return client;
    }
}
