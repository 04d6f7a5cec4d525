using System.Net;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Browser;

/// <summary>
/// An interactive circuit sends no HTTP requests, so the cookie check alone would leave a signed-out user's open tab
/// working. The circuit re-checks its session (security stamp) on a timer and, once it has ended, the tab goes back to
/// the sign-in page; the use cases refuse an anonymous caller in any case.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CircuitSessionTests(LtcWebHost host)
{
    // Signs this user out everywhere: no other test may sign in as this user.
    private const string User = "admin.shishi";

    [Fact]
    public async Task An_open_tab_returns_to_sign_in_once_the_user_signed_out_elsewhere()
    {
        await using var ui = await UiSession.SignInAsync(host, User);
        await ui.OpenAsync("/institutions");
        Assert.Contains("护理机构", await ui.Page.InnerTextAsync("h1"), StringComparison.Ordinal);

        // The same user signs out in another browser: the security stamp changes, every session of the user ends.
        using (var other = host.CreateBrowserLikeClient())
        {
            await SignIn.SignInAsync(other, User);
            var dashboard = await other.GetStringAsync("/");
            using var logout = await other.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(dashboard),
            }));
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        // Within a revalidation interval (2 s in tests) the open tab is sent to the sign-in page.
        await ui.Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal),
            new() { Timeout = 20_000 });
        Assert.Contains("ReturnUrl=%2Finstitutions", ui.Page.Url, StringComparison.Ordinal);
    }
}
