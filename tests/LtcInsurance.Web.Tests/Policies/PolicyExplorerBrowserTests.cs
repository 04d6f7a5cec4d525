using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Policies;

[Collection(WebCollection.Name)]
public sealed class PolicyExplorerBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Clerk_runs_the_Yulin_settlement_example_and_reads_the_trace_without_leaving_the_page()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                BaseURL = host.ServerAddress.ToString(),
                Locale = "zh-CN",
                ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            });
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", "clerk.yulin");
            await page.FillAsync("#password", LtcWebHost.DemoPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(host.ServerAddress.ToString());

            // The navigation offers the explorer; its parameter tables cite the clauses.
            await page.ClickAsync("nav a[href='/policies']");
            await page.WaitForURLAsync(url => url.EndsWith("/policies", StringComparison.Ordinal));
            Assert.Contains("YL 二(四)4(3)", await page.InnerTextAsync("[data-testid=policy-parameters-payment]"), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("policy-explorer-parameters.png"), FullPage = true });

            // The settlement example (institution care, level 4) is calculated by htmx: only the result is fetched.
            await page.ClickAsync("a[data-kind=settlement]");
            var fragment = page.WaitForResponseAsync(r => r.Url.EndsWith("/policies/calculate", StringComparison.Ordinal));
            await page.ClickAsync("[data-testid=policy-form] button[type=submit]");
            Assert.Equal(200, (await fragment).Status);
            await page.WaitForSelectorAsync("[data-testid=calc-trace]");
            Assert.EndsWith("/policies?kind=settlement#calculator", page.Url, StringComparison.Ordinal);
            Assert.Equal("¥118.50", (await page.InnerTextAsync("[data-testid=calc-fund-pays]")).Trim());
            Assert.Contains("按床日支付", await page.InnerTextAsync("[data-testid=calc-trace]"), StringComparison.Ordinal);

            await page.Locator("#calculator").ScreenshotAsync(new LocatorScreenshotOptions { Path = Chromium.ScreenshotPath("policy-explorer-trace.png") });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
