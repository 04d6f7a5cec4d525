using System.Text;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Register;

/// <summary>
/// A 济宁 clerk's import round trip in a real browser (济宁's register is counted by no other web test), then a 石狮
/// clerk's billing run from the page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RegisterImportBrowserTests(LtcWebHost host)
{
    private const string Region = "370811";

    [Fact]
    public async Task Clerk_imports_a_file_with_bad_rows_reads_the_error_report_fixes_the_file_and_reimports()
    {
        var badId = RegisterFiles.IdOf(Region, 1924, 53)[..17] + "Z";
        var withErrors = RegisterFiles.Csv(
            RegisterFiles.Row(Region, 1924, 51, "浏览甲"),
            RegisterFiles.Row(Region, 1924, 52, "浏览乙"),
            badId + ",浏览丙,,,,370811,居民,,,",
            RegisterFiles.Row(Region, 1924, 54, "浏览丁", "医保"));
        var fixedFile = RegisterFiles.Csv(
            RegisterFiles.Row(Region, 1924, 51, "浏览甲"),
            RegisterFiles.Row(Region, 1924, 52, "浏览乙"),
            RegisterFiles.Row(Region, 1924, 53, "浏览丙"),
            RegisterFiles.Row(Region, 1924, 54, "浏览丁"));

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.ServerAddress.ToString(), AcceptDownloads = true });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", "clerk.jining");
            await page.FillAsync("#password", LtcWebHost.DemoPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(host.ServerAddress.ToString());

            // From the navigation to the import page, then the file with two bad rows.
            await page.ClickAsync("nav a:has-text('参保登记导入')");
            await page.WaitForURLAsync(url => url.EndsWith("/register/import", StringComparison.Ordinal));
            await page.SetInputFilesAsync("#register-file", new FilePayload { Name = "jining.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(withErrors) });
            await page.ClickAsync("button[type=submit]:has-text('导入')");
            await WaitForCompletedJobAsync(page);

            Assert.Equal("4", (await page.InnerTextAsync("[data-testid=job-rows]")).Trim());
            Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-valid]")).Trim());
            Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-applied]")).Trim());
            Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-errors]")).Trim());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("register-import.png"), FullPage = true });

            // The error report names the bad rows (header = row 1) and their columns, in Chinese.
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=error-report]"));
            var path = await download.PathAsync();
            var report = (await File.ReadAllTextAsync(path!, Encoding.UTF8)).TrimStart('\uFEFF');
            var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal("行号,列,错误信息", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("4,身份证号码,", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("5,医保类型,", StringComparison.Ordinal));

            // The corrected file: the two fixed rows are applied, the rest was already on the register.
            await page.SetInputFilesAsync("#register-file", new FilePayload { Name = "jining.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(fixedFile) });
            await page.ClickAsync("button[type=submit]:has-text('导入')");
            await WaitForCompletedJobAsync(page);
            Assert.Equal("4", (await page.InnerTextAsync("[data-testid=job-valid]")).Trim());
            Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-applied]")).Trim());
            Assert.Equal("0", (await page.InnerTextAsync("[data-testid=job-errors]")).Trim());
            Assert.Equal(4L, await host.QueryAsOwnerAsync<long>(
                "select count(*) from insured_people where tenant_id = 'jining' and name like '浏览%'"));

            // A 石狮 clerk runs the year's billing from the page (石狮's 2026 is billing's own; see BillingPageTests).
            var shishi = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.ServerAddress.ToString() });
            await shishi.GotoAsync("/account/login");
            await shishi.FillAsync("#username", "clerk.shishi");
            await shishi.FillAsync("#password", LtcWebHost.DemoPassword);
            await shishi.ClickAsync("button[type=submit]:has-text('登录')");
            await shishi.WaitForURLAsync(host.ServerAddress.ToString());
            await shishi.GotoAsync("/register/import");
            await shishi.SetInputFilesAsync("#register-file", new FilePayload
            {
                Name = "shishi.csv", MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes(RegisterFiles.Csv(RegisterFiles.Row("350581", 1924, 55, "浏览戊", "居民", "2026-01-01", "特困人员"))),
            });
            await shishi.ClickAsync("button[type=submit]:has-text('导入')");
            await WaitForCompletedJobAsync(shishi);
            await shishi.ClickAsync("nav a:has-text('缴费核定')");
            await shishi.FillAsync("#billing-period", "2026");
            await shishi.ClickAsync("button:has-text('查看')");
            await shishi.ClickAsync("button:has-text('执行 2026 缴费核定')");
            await shishi.WaitForSelectorAsync("[data-testid=billing-result]");
            Assert.NotEqual("0.00", (await shishi.InnerTextAsync("[data-testid=totals-total]")).Trim());
            await shishi.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("billing.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The import runs within the upload request; the job fragment then shows it completed.</summary>
    private static async Task WaitForCompletedJobAsync(IPage page)
    {
        try
        {
            await page.WaitForSelectorAsync("[data-testid=import-job][data-status=completed]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no completed import job at {page.Url}:\n{await page.InnerTextAsync("main")}");
        }
    }
}
