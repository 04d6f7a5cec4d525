using System.Net;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Application.Users.DeactivateUser;
using LtcInsurance.Application.Users.LockUser;
using LtcInsurance.Application.Users.UnlockUser;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Admin;

/// <summary>
/// User administration (issue #11, item 4) in the running app: a city's admin creates a clerk and resets their password
/// in the browser, the clerk signs in with the one-time password; a locked or deactivated user's open session ends and
/// they cannot sign in. Every user signing in here is created by the test.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class UsersPageTests(LtcWebHost host)
{
    private const string UserRows = "[data-testid=users-grid] tbody tr.mud-table-row";

    private static string Unique(string prefix) => prefix + ".t" + Guid.NewGuid().ToString("N")[..8];

    private OperatorUseCases Platform() =>
        OperatorUseCases.As(host.AppConnectionString, new CurrentUser("test-platform", "platform.test", null, [Roles.Admin]));

    [Fact]
    public async Task Jinings_admin_creates_a_clerk_resets_the_password_and_the_clerk_signs_in_with_it()
    {
        var name = Unique("clerk");
        string password;
        await using (var ui = await UiSession.SignInAsync(host, "admin.jining"))
        {
            var page = ui.Page;
            await ui.OpenAsync("/admin/users");
            await page.Locator(UserRows, new() { HasTextString = "clerk.jining" }).WaitForAsync();
            Assert.DoesNotContain(".yulin", await page.InnerTextAsync("[data-testid=users-grid] tbody"), StringComparison.Ordinal);
            await ui.AssertAccessibleAsync();

            // Create: the one-time password is shown once, in its dialog.
            await page.ClickAsync("[data-testid=users-create]");
            await page.FillAsync("#user-name", name);
            await page.FillAsync("#user-display-name", "测试经办");
            await page.ClickAsync("[data-testid=user-form-submit]");
            var first = (await page.Locator("[data-testid=otp-value]").InnerTextAsync()).Trim();
            Assert.Equal(16, first.Length);
            await ui.AssertAccessibleAsync();
            await page.ClickAsync("[data-testid=otp-close]");

            // Find the clerk, open their page, reset the password after confirming.
            await page.FillAsync("#users-search", name);
            await page.Locator(UserRows, new() { HasTextString = "clerk.jining" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await page.Locator("[data-testid=user-link]", new() { HasTextString = name }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/admin/users/", StringComparison.Ordinal));
            await ui.WaitForCircuitAsync();
            await page.Locator("[data-testid=history-action]").First.WaitForAsync();
            Assert.Equal(name, (await page.InnerTextAsync("[data-testid=detail-user-name]")).Trim());
            await page.ClickAsync("[data-testid=user-reset-password]");
            await page.Locator(".mud-dialog .mud-dialog-actions button", new() { HasTextString = "重置密码" }).ClickAsync();
            password = (await page.Locator("[data-testid=otp-value]").InnerTextAsync()).Trim();
            Assert.NotEqual(first, password);
            await page.ClickAsync("[data-testid=otp-close]");

            // Both actions in the history, newest first, by admin.jining.
            await page.Locator("[data-testid=history-action]", new() { HasTextString = "重置密码" }).WaitForAsync();
            var history = await page.InnerTextAsync("[data-testid=user-history] tbody");
            Assert.Contains("创建用户", history, StringComparison.Ordinal);
            Assert.Contains("admin.jining", history, StringComparison.Ordinal);
            Assert.DoesNotContain(password, history, StringComparison.Ordinal);
            Assert.Equal(2, await page.Locator("[data-testid=history-action]").CountAsync());
            await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
            await ui.AssertAccessibleAsync();
            await ui.ScreenshotAsync("admin-user-detail.png");
        }

        await using var clerk = await UiSession.SignInWithOneTimePasswordAsync(host, name, password, OwnPassword);
        Assert.Contains("济宁", await clerk.Page.InnerTextAsync("[data-testid=tenant-name]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_their_open_session_ends()
    {
        await using var platform = Platform();
        var name = Unique("clerk");
        var created = await platform.Sender.Send(new CreateUserCommand(TenantIds.Yuzhong, name, "停用测试", Roles.Clerk));
        Assert.True(created.Done, created.Refusal);
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, name, created.OneTimePassword!);
        await SignIn.ChangePasswordAsync(client, created.OneTimePassword!, OwnPassword);
        using (var before = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Assert.True((await platform.Sender.Send(new DeactivateUserCommand(created.UserId))).Done);

        using (var after = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Equal("/account/login", after.Headers.Location?.AbsolutePath);
        }
        using var again = host.CreateBrowserLikeClient();
        using var refused = await SignIn.PostAsync(again, name, OwnPassword);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task A_locked_user_is_signed_out_and_refused_until_unlocked()
    {
        await using var platform = Platform();
        var name = Unique("auditor");
        var created = await platform.Sender.Send(new CreateUserCommand(TenantIds.Zhenjiang, name, "锁定测试", Roles.Auditor));
        Assert.True(created.Done, created.Refusal);
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, name, created.OneTimePassword!);
        await SignIn.ChangePasswordAsync(client, created.OneTimePassword!, OwnPassword);
        using (var before = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Assert.True((await platform.Sender.Send(new LockUserCommand(created.UserId))).Done);

        using (var after = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using (var locked = host.CreateBrowserLikeClient())
        using (var refused = await SignIn.PostAsync(locked, name, OwnPassword))
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);

        Assert.True((await platform.Sender.Send(new UnlockUserCommand(created.UserId))).Done);
        using var unlocked = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(unlocked, name, OwnPassword);
    }

    [Fact]
    public async Task A_one_time_password_opens_only_the_password_page_until_the_user_sets_their_own()
    {
        await using var platform = Platform();
        var name = Unique("clerk");
        var created = await platform.Sender.Send(new CreateUserCommand(TenantIds.Shishi, name, "首次登录", Roles.Clerk));
        Assert.True(created.Done, created.Refusal);
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, name, created.OneTimePassword!);

        // Every page leads to 修改密码 (coming back afterwards), the API and form posts are refused.
        using (var page = await client.GetAsync("/people?q=1"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/password?returnUrl=%2Fpeople%3Fq%3D1", page.Headers.Location?.OriginalString);
        }
        using (var api = await client.GetAsync("/api/v1/tenants"))
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var form = await client.GetStringAsync("/account/password");
        Assert.Contains("一次性密码", form, StringComparison.Ordinal);

        // Refusals in Chinese, nothing changed: a wrong current password, a weak new one, two different new ones.
        Assert.Contains("当前密码不正确", await SignIn.PostPasswordChangeAsync(client, "Wrong-password-1", OwnPassword, OwnPassword), StringComparison.Ordinal);
        Assert.Contains("至少 10 位", await SignIn.PostPasswordChangeAsync(client, created.OneTimePassword!, "Sh0rt!", "Sh0rt!"), StringComparison.Ordinal);
        Assert.Contains("两次输入的新密码不一致", await SignIn.PostPasswordChangeAsync(client, created.OneTimePassword!, OwnPassword, OwnPassword + "x"), StringComparison.Ordinal);
        using (var still = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.Redirect, still.StatusCode);

        await SignIn.ChangePasswordAsync(client, created.OneTimePassword!, OwnPassword);
        using (var home = await client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // The one-time password is spent; the user's own signs in straight to the pages.
        using (var spent = host.CreateBrowserLikeClient())
        using (var refused = await SignIn.PostAsync(spent, name, created.OneTimePassword!))
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        using var fresh = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(fresh, name, OwnPassword);
        using var people = await fresh.GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
    }

    private const string OwnPassword = "Own-Passw0rd-2026";
}
