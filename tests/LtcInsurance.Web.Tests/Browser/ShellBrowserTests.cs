using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Browser;

/// <summary>The application shell: interactive layout, Chinese texts, navigation by role, reconnect dialog, axe.</summary>
[Collection(WebCollection.Name)]
public sealed class ShellBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Dashboard_is_interactive_in_Chinese_and_accessible()
    {
        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;

        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("镇江市", (await page.InnerTextAsync("[data-testid=tenant-name]")).Trim());
        Assert.Contains("工作台", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.True(int.Parse(await page.InnerTextAsync("[data-testid=count-people]"),
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0);
        // The reconnect dialog is in the page, in Chinese, and hidden while connected.
        Assert.False(await page.IsVisibleAsync("#components-reconnect-modal"));
        Assert.Contains("重新连接", await page.InnerHTMLAsync("#components-reconnect-modal"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("clerk-dashboard.png");

        // Navigation inside the circuit: the clerk's menu has people, not the fund ledger.
        var nav = await page.InnerTextAsync("#ltc-nav");
        Assert.Contains("参保人员", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("基金账簿", nav, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drawer_collapses_on_a_tablet_and_opens_from_the_menu_button()
    {
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi", new ViewportSize { Width = 768, Height = 1024 });
        var page = ui.Page;
        await page.ClickAsync("header button[aria-controls=ltc-nav]");
        await page.Locator("#ltc-nav a[href='/institutions']").WaitForAsync();
        await ui.AssertAccessibleAsync();
    }
}
