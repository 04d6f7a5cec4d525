using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class ClerkBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Clerk_signs_in_works_in_their_city_and_cannot_reach_another_citys_person_by_url()
    {
        var ownPersonId = await host.FirstPersonIdAsync("zhenjiang");
        var (otherName, _) = await host.FirstPersonAsync("yulin");
        var otherPersonId = await host.FirstPersonIdAsync("yulin");

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.ServerAddress.ToString() });

            // Sign in through the form, like a person.
            await page.GotoAsync("/");
            Assert.EndsWith("/account/login?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
            await page.FillAsync("#username", "clerk.zhenjiang");
            await page.FillAsync("#password", LtcWebHost.DemoPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(host.ServerAddress.ToString());

            // The dashboard, in Chinese, for 镇江市.
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            Assert.Equal("镇江市", (await page.InnerTextAsync("[data-testid=tenant-name]")).Trim());
            Assert.Contains("工作台", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            Assert.True(int.Parse(await page.InnerTextAsync("[data-testid=count-people]"), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("clerk-dashboard.png"), FullPage = true });

            // Searching swaps only the table (htmx from the npm-installed assets), and the address stays shareable.
            var (ownName, _) = await host.FirstPersonAsync("zhenjiang");
            await page.GotoAsync("/people");
            var fragment = page.WaitForResponseAsync(r => r.Url.Contains("/people/table", StringComparison.Ordinal));
            await page.FillAsync("#people-q", ownName);
            await page.PressAsync("#people-q", "Enter");
            Assert.Equal(200, (await fragment).Status);
            await page.WaitForURLAsync(url => url.Contains("/people?q=", StringComparison.Ordinal));
            Assert.Contains(ownName, await page.InnerTextAsync("#people-table"), StringComparison.Ordinal);

            // A person of the clerk's own city opens.
            var own = await page.GotoAsync($"/people/{ownPersonId}");
            Assert.Equal(200, own!.Status);
            Assert.NotEmpty((await page.InnerTextAsync("[data-testid=person-name]")).Trim());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("clerk-person.png"), FullPage = true });

            // Editing the address to a Yulin person's id: that person does not exist for this clerk.
            var other = await page.GotoAsync($"/people/{otherPersonId}");
            Assert.Equal(404, other!.Status);
            Assert.True(await page.IsVisibleAsync("[data-testid=not-found]"));
            Assert.Contains("页面不存在", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.DoesNotContain(otherName, await page.ContentAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("clerk-other-tenant-404.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
