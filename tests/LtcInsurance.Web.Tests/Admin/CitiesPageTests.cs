using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Admin;

/// <summary>
/// 开通城市 (/admin/cities): the platform admin sees every registered city module and whether it is a tenant (the demo
/// database has opened all five, so none offers 开通); a city's own admin is told the page is the platform admin's.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CitiesPageTests(LtcWebHost host)
{
    private const string Rows = "[data-testid=city-modules] tbody tr.mud-table-row";

    [Fact]
    public async Task The_platform_admin_sees_every_module_as_opened_and_reaches_it_from_tenants_and_users()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin");
        var page = ui.Page;
        await ui.OpenAsync("/admin/tenants");
        await page.Locator("[data-testid=open-cities]").ClickAsync();
        await page.Locator(Rows, new() { HasTextString = "yulin" }).WaitForAsync();

        Assert.Equal(5, await page.Locator(Rows).CountAsync());
        var table = await page.InnerTextAsync("[data-testid=city-modules] tbody");
        foreach (var name in new[] { "镇江市", "石狮市", "济宁市", "重庆市渝中区", "玉林市" })
            Assert.Contains(name, table, StringComparison.Ordinal);
        Assert.Contains("按月", await page.Locator(Rows, new() { HasTextString = "yulin" }).InnerTextAsync(), StringComparison.Ordinal);
        foreach (var status in await page.Locator("[data-testid=city-status]").AllInnerTextsAsync())
            Assert.Contains("已开通", status, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid^=city-open-]").CountAsync());
        await ui.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_citys_own_admin_is_told_only_the_platform_admin_opens_cities()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/admin/cities");
        var problem = page.Locator("[data-testid=cities-problem]");
        await problem.WaitForAsync();
        Assert.Contains("只有平台管理员可以开通城市", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=city-modules]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=open-cities]").CountAsync());
    }
}
