using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Guide;

/// <summary>
/// Walks each role through the pages its navigation offers, in a real browser, and saves the screenshots the
/// user guide (docs/guide) shows. Run `docs/guide/refresh-screenshots.sh` to regenerate the guide's images.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RoleTourTests(LtcWebHost host)
{
    public static TheoryData<string, string, string[]> Tours => new()
    {
        { "clerk", "zhenjiang", ["/", "/people", "/register/import", "/billing", "/institutions", "/policies"] },
        { "institution", "yulin", ["/", "/claims/monthly", "/policies"] },
        { "assessor", "shishi", ["/", "/assessments", "/policies"] },
        { "auditor", "jining", ["/", "/ledger", "/ledger/journal", "/policies"] },
        { "admin", "yuzhong", ["/", "/admin/tenants", "/admin/users", "/admin/chart", "/admin/parameters", "/admin/calendar", "/ledger", "/policies"] },
    };

    [Theory]
    [MemberData(nameof(Tours))]
    public async Task Each_role_reaches_the_pages_its_navigation_offers_in_its_own_city(string role, string tenant, string[] paths)
    {
        await using var ui = await UiSession.SignInAsync(host, $"{role}.{tenant}", new ViewportSize { Width = 1280, Height = 800 });
        var page = ui.Page;
        var cityName = (await page.InnerTextAsync("[data-testid=tenant-name]")).Trim();
        Assert.NotEmpty(cityName);

        foreach (var path in paths)
        {
            var response = await ui.OpenAsync(path);
            Assert.True(response is { Status: 200 }, $"{role} -> {path}: HTTP {response?.Status}");
            Assert.Equal(cityName, (await page.InnerTextAsync("[data-testid=tenant-name]")).Trim());
            Assert.NotEmpty((await page.InnerTextAsync("h1")).Trim());
            // Grids load their rows once the circuit runs: wait until no grid says it is loading.
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-table-loading, .mud-table-loading-progress')");
            await ui.AssertAccessibleAsync();
            var name = path == "/" ? "home" : path.Trim('/').Replace('/', '-');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"guide-{role}-{name}.png") });
        }
    }
}
