using System.Net;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Security;

[Collection(WebCollection.Name)]
public sealed class SignInTests(LtcWebHost host)
{
    [Fact]
    public async Task Anonymous_visitor_of_the_dashboard_is_sent_to_the_sign_in_page()
    {
        using var client = host.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2F", response.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_is_Chinese_and_carries_an_antiforgery_token()
    {
        using var client = host.CreateBrowserLikeClient();

        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("长期护理保险经办系统", html, StringComparison.Ordinal);
        Assert.Contains("登录", html, StringComparison.Ordinal);
        Assert.NotEmpty(SignIn.AntiforgeryToken(html));
    }

    [Fact]
    public async Task Clerk_signs_in_and_sees_the_dashboard_of_their_city()
    {
        using var client = host.CreateBrowserLikeClient();

        await SignIn.SignInAsync(client, "clerk.zhenjiang");
        var html = await client.GetStringAsync("/");

        Assert.Contains("工作台", html, StringComparison.Ordinal);
        Assert.Contains("镇江市", html, StringComparison.Ordinal);
        Assert.Contains("参保人员", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%2Fpeople", "/people")]
    [InlineData("%2F%2Fevil.example%2F", "/")]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/")]
    public async Task After_sign_in_the_user_returns_only_to_an_address_on_this_site(string returnUrl, string expected)
    {
        using var client = host.CreateBrowserLikeClient();
        var form = await client.GetStringAsync($"/account/login?ReturnUrl={returnUrl}");

        using var response = await client.PostAsync($"/account/login?ReturnUrl={returnUrl}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["_handler"] = "login",
            ["Input.UserName"] = "clerk.yuzhong",
            ["Input.Password"] = LtcWebHost.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(expected, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        Assert.True(!location.IsAbsoluteUri || location.Host == host.ServerAddress.Host);
    }

    [Fact]
    public async Task Sign_in_form_rejects_a_post_without_antiforgery_token()
    {
        using var client = host.CreateBrowserLikeClient();
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "clerk.zhenjiang",
            ["Input.Password"] = LtcWebHost.DemoPassword,
        };

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ltc.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        // A user no other test signs in with, so the lockout cannot disturb them.
        const string user = "assessor.shishi";
        using var client = host.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignIn.PostAsync(client, user, "Wrong@password1");
            var page = await wrong.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("用户名或密码不正确", page, StringComparison.Ordinal);
        }

        using var fifth = await SignIn.PostAsync(client, user, "Wrong@password1");
        Assert.Contains("账户已锁定", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = await SignIn.PostAsync(client, user, LtcWebHost.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账户已锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task Clerk_is_denied_the_admin_pages_with_a_Chinese_403_page()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");

        using var response = await client.GetAsync("/admin/tenants");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location?.AbsolutePath);

        using var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("无权访问", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_requires_a_post_and_ends_the_session()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "auditor.yuzhong");
        var dashboard = await client.GetStringAsync("/");

        using var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(dashboard),
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location?.AbsolutePath);
    }
}
