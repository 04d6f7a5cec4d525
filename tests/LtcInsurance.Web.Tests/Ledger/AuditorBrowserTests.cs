using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Ledger;

[Collection(WebCollection.Name)]
public sealed class AuditorBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Auditor_reverifies_the_books_filters_the_journal_and_opens_an_entry()
    {
        var (reversal, original) = await host.ReversalAsync("jining");
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                BaseURL = host.ServerAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", "auditor.jining");
            await page.FillAsync("#password", LtcWebHost.DemoPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(host.ServerAddress.ToString());

            // The ledger is in the auditor's navigation.
            await page.ClickAsync("nav >> text=基金账簿");
            await page.WaitForURLAsync(url => url.EndsWith("/ledger", StringComparison.Ordinal));
            Assert.Contains("基金账簿", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

            // 重新校验 is a plain form post, antiforgery token and all.
            await page.ClickAsync("[data-testid=verify-form] button[type=submit]");
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Contains("校验通过", await page.InnerTextAsync("[data-testid=verify-result]"), StringComparison.Ordinal);
            Assert.Equal(await page.InnerTextAsync("[data-testid=tb-total-debits]"), await page.InnerTextAsync("[data-testid=tb-total-credits]"));
            Assert.True(await page.IsVisibleAsync(".progress"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("auditor-ledger.png"), FullPage = true });

            // Filtering swaps only the table (htmx), and the address stays shareable.
            await page.GotoAsync("/ledger/journal");
            var fragment = page.WaitForResponseAsync(r => r.Url.Contains("/ledger/journal/table", StringComparison.Ordinal));
            await page.SelectOptionAsync("#journal-source", "Fee");
            Assert.Equal(200, (await fragment).Status);
            await page.WaitForURLAsync(url => url.Contains("source=Fee", StringComparison.Ordinal));
            Assert.Contains("共 13 张凭证", await page.InnerTextAsync("#journal-table"), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("auditor-journal.png"), FullPage = true });

            // The reversed claim links to its reversal.
            await page.GotoAsync($"/ledger/entries/{original}");
            await page.ClickAsync("[data-testid=entry-reversed-by]");
            await page.WaitForURLAsync(url => url.EndsWith($"/ledger/entries/{reversal}", StringComparison.Ordinal));
            Assert.Contains($"第 {reversal} 号凭证", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("auditor-entry.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
