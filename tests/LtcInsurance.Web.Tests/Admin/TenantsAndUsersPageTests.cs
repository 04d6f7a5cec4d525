using System.Net;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Admin;

/// <summary>
/// The tenants &amp; users page and the user administration page it links to: a city's own admin sees their city and its
/// users only, the platform admin every city's, filtered by city and role; roles by their Chinese names.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TenantsAndUsersPageTests(LtcWebHost host)
{
    private const string UserRows = "[data-testid=users-grid] tbody tr.mud-table-row";

    [Fact]
    public async Task A_citys_own_admin_sees_only_the_users_of_that_city()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/admin/tenants");
        var tenants = await page.InnerTextAsync("[data-testid=tenants-table] tbody");
        Assert.Contains("镇江市", tenants, StringComparison.Ordinal);
        Assert.DoesNotContain("玉林市", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=tenants-table] tbody tr.mud-table-row").CountAsync());
        await page.ClickAsync("[data-testid=manage-users]");
        await page.WaitForURLAsync(url => url.EndsWith("/admin/users", StringComparison.Ordinal));
        await ui.WaitForCircuitAsync();
        await page.Locator(UserRows, new() { HasTextString = "clerk.zhenjiang" }).WaitForAsync();

        var users = await page.InnerTextAsync("[data-testid=users-grid] tbody");
        Assert.Contains("admin.zhenjiang", users, StringComparison.Ordinal);
        Assert.DoesNotContain("clerk.yulin", users, StringComparison.Ordinal);
        Assert.DoesNotContain(".yuzhong", users, StringComparison.Ordinal);
        Assert.DoesNotContain("玉林市", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        // Roles by their Chinese names, the auditor's as everywhere else (the user menu's name).
        var clerk = page.Locator(UserRows, new() { HasTextString = "clerk.zhenjiang" });
        Assert.Contains("经办人员", await clerk.InnerTextAsync(), StringComparison.Ordinal);
        var auditor = page.Locator(UserRows, new() { HasTextString = "auditor.zhenjiang" });
        Assert.Contains("基金监管人员", await auditor.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("auditor", (await page.InnerTextAsync("[data-testid=users-grid] tbody")).Replace("auditor.", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // A city admin has no city filter: the use case would refuse any other city.
        Assert.Equal(0, await page.Locator("[data-testid=users-city-filter]").CountAsync());

        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("admin-users.png");
    }

    [Fact]
    public async Task Platform_admin_sees_every_city_and_filters_by_city_and_role()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin");
        var page = ui.Page;
        await ui.OpenAsync("/admin/tenants");
        Assert.Contains("玉林市", await page.InnerTextAsync("[data-testid=tenants-table] tbody"), StringComparison.Ordinal);
        await ui.OpenAsync("/admin/users");
        await ui.ChooseAsync("users-role-filter", "系统管理员");
        await page.Locator(UserRows, new() { HasTextString = "admin.yulin" }).WaitForAsync();
        var all = await page.InnerTextAsync("[data-testid=users-grid] tbody");
        Assert.Contains("admin.zhenjiang", all, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        // Only 基金监管人员 (auditors): every row has the role, no clerk is left.
        await ui.ChooseAsync("users-role-filter", "基金监管人员");
        await page.Locator(UserRows, new() { HasTextString = "admin." }).First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var auditors = page.Locator(UserRows);
        Assert.True(await auditors.CountAsync() >= 2);
        foreach (var row in await auditors.AllAsync())
            Assert.Contains("基金监管人员", await row.InnerTextAsync(), StringComparison.Ordinal);

        // And 玉林市 only: its auditor, nobody of another city.
        await ui.ChooseAsync("users-city-filter", "玉林市");
        await page.Locator(UserRows, new() { HasTextString = "auditor.zhenjiang" }).First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var yulin = await page.InnerTextAsync("[data-testid=users-grid] tbody");
        Assert.Contains("auditor.yulin", yulin, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(UserRows).CountAsync());
    }

    [Fact]
    public async Task The_first_load_of_a_citys_admin_names_no_other_city_and_a_clerk_is_denied()
    {
        using var admin = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(admin, "admin.zhenjiang");
        using var clerk = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(clerk, "clerk.zhenjiang");

        var html = await admin.GetStringAsync("/admin/tenants");
        using var denied = await clerk.GetAsync("/admin/tenants");

        Assert.Contains("镇江市", html, StringComparison.Ordinal);
        Assert.DoesNotContain("玉林市", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/account/denied", denied.Headers.Location?.AbsolutePath);
    }
}
