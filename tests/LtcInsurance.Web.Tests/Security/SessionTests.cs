using System.Diagnostics;
using System.Net;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace LtcInsurance.Web.Tests.Security;

/// <summary>Issue #16 item 5: sign-out ends the session server-side; unknown users and wrong passwords look alike; idle timeout.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionTests(LtcWebHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task A_copied_sign_in_cookie_stops_working_once_its_user_signs_out()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = host.ServerAddress,
        };
        await SignIn.SignInAsync(browser, "auditor.zhenjiang");
        var copied = cookies.GetCookies(host.ServerAddress)["ltc.auth"]?.Value;
        Assert.False(string.IsNullOrEmpty(copied));

        // The thief's copy works while the session lasts (the control) ...
        using (var before = await WithCookieAsync(copied, "/"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var dashboard = await browser.GetStringAsync("/");
        using var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(dashboard),
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // ... and not after the user signed out: a page sends it to the sign-in page, the API answers 401.
        using var page = await WithCookieAsync(copied, "/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login", page.Headers.Location?.AbsolutePath);
        using var api = await WithCookieAsync(copied, "/api/nothing-here");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // Signing in again gives a new, working session.
        await SignIn.SignInAsync(browser, "auditor.zhenjiang");
        using var again = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Unknown_user_names_and_wrong_passwords_get_the_same_answer_in_about_the_same_time()
    {
        using var client = host.CreateBrowserLikeClient();
        // Warm-up: the first hash and the first render of each path.
        (await SignIn.PostAsync(client, "nobody.warmup", "Wrong@password1")).Dispose();
        (await SignIn.PostAsync(client, "institution.yulin", "Wrong@password1")).Dispose();

        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            unknown.Add(await TimedFailureAsync(client, $"nobody.{round}.{Guid.NewGuid():N}"));
            wrong.Add(await TimedFailureAsync(client, "institution.yulin"));
        }

        var unknownMedian = unknown.Order().ElementAt(1);
        var wrongMedian = wrong.Order().ElementAt(1);
        output.WriteLine($"median sign-in failure: unknown user {unknownMedian:F1} ms, wrong password {wrongMedian:F1} ms");
        // Without the dummy hash an unknown name answers in a fraction of the time (no PBKDF2).
        Assert.True(unknownMedian >= 0.6 * wrongMedian, $"unknown {unknownMedian:F1} ms vs wrong password {wrongMedian:F1} ms");
    }

    [Fact]
    public void Sessions_end_after_thirty_idle_minutes_and_slide_while_used()
    {
        var cookie = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
    }

    private async Task<double> TimedFailureAsync(HttpClient client, string userName)
    {
        var form = await client.GetStringAsync("/account/login");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = "Wrong@password1",
        };
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", html, StringComparison.Ordinal);
        return watch.Elapsed.TotalMilliseconds;
    }

    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "ltc.auth=" + cookie);
        return await client.SendAsync(request);
    }
}
