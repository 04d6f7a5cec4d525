using System.Text;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Register;

/// <summary>
/// The import page in a real browser: the file goes through the MudFileUpload's input and streams through the circuit.
/// 渝中's register is counted by no other web test (sequences 6x of 1924 are these tests' own); 镇江 only sees a refused
/// file, which changes nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RegisterImportBrowserTests(LtcWebHost host)
{
    private const string Region = "500103";
    /// <summary>MudFileUpload's own (hidden) input; it may keep an earlier one around, the last is the active one.</summary>
    private const string FileInput = "[data-testid=upload-form] input[type=file] >> nth=-1";

    [Fact]
    public async Task Clerk_imports_a_file_with_bad_rows_reads_the_errors_fixes_the_file_and_reimports()
    {
        var badId = RegisterFiles.IdOf(Region, 1924, 63)[..17] + "Z";
        var withErrors = RegisterFiles.Csv(
            RegisterFiles.Row(Region, 1924, 61, "浏览甲"),
            RegisterFiles.Row(Region, 1924, 62, "浏览乙"),
            badId + ",浏览丙,,,,500103,居民,,,",
            RegisterFiles.Row(Region, 1924, 64, "浏览丁", "医保"));
        var fixedFile = RegisterFiles.Csv(
            RegisterFiles.Row(Region, 1924, 61, "浏览甲"),
            RegisterFiles.Row(Region, 1924, 62, "浏览乙"),
            RegisterFiles.Row(Region, 1924, 63, "浏览丙"),
            RegisterFiles.Row(Region, 1924, 64, "浏览丁"));

        await using var ui = await UiSession.SignInAsync(host, "clerk.yuzhong");
        var page = ui.Page;
        await ui.OpenAsync("/register/import");
        Assert.Contains("参保登记批量导入", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        // The file with two bad rows: counts, the error grid (server-paged), a warning snackbar, the job in the list.
        await UploadAsync(page, "yuzhong-browser.csv", withErrors);
        await WaitForCompletedJobAsync(page);
        Assert.Equal("4", (await page.InnerTextAsync("[data-testid=job-rows]")).Trim());
        Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-valid]")).Trim());
        Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-applied]")).Trim());
        Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-errors]")).Trim());
        await page.Locator(".mud-snackbar", new() { HasTextString = "写入 2 行" }).WaitForAsync();
        var errorRows = page.Locator("[data-testid=error-grid] tbody tr.mud-table-row");
        await errorRows.First.WaitForAsync();
        Assert.Equal(2, await errorRows.CountAsync());
        var errors = await page.InnerTextAsync("[data-testid=error-grid] tbody");
        Assert.Contains("身份证号码", errors, StringComparison.Ordinal);
        Assert.Contains("医保类型", errors, StringComparison.Ordinal);
        await page.Locator("[data-testid=recent-jobs] tbody tr", new() { HasTextString = "yuzhong-browser.csv" }).First.WaitForAsync();
        await ui.ScreenshotAsync("register-import.png");
        await DismissSnackbarsAsync(page);

        // The error report names the bad rows (header = row 1) and their columns, in Chinese.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=import-job] [data-testid=error-report]"));
        var path = await download.PathAsync();
        var report = (await File.ReadAllTextAsync(path!, Encoding.UTF8)).TrimStart('\uFEFF');
        var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("行号,列,错误信息", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("4,身份证号码,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5,医保类型,", StringComparison.Ordinal));

        // The corrected file: the two fixed rows are applied, the rest was already on the register; no error grid.
        await UploadAsync(page, "yuzhong-browser-fixed.csv", fixedFile);
        await WaitForCompletedJobAsync(page, "yuzhong-browser-fixed.csv");
        Assert.Equal("4", (await page.InnerTextAsync("[data-testid=job-valid]")).Trim());
        Assert.Equal("2", (await page.InnerTextAsync("[data-testid=job-applied]")).Trim());
        Assert.Equal("0", (await page.InnerTextAsync("[data-testid=job-errors]")).Trim());
        Assert.Equal(0, await page.Locator("[data-testid=error-grid]").CountAsync());

        // The same file again writes nothing: a warning that says why, not a success.
        await UploadAsync(page, "yuzhong-browser-again.csv", fixedFile);
        await WaitForCompletedJobAsync(page, "yuzhong-browser-again.csv");
        Assert.Equal("0", (await page.InnerTextAsync("[data-testid=job-applied]")).Trim());
        Assert.Contains("没有写入新内容", await page.InnerTextAsync("[data-testid=job-nothing-new]"), StringComparison.Ordinal);
        await page.Locator(".mud-snackbar", new() { HasTextString = "没有写入任何内容" }).WaitForAsync();

        Assert.Equal(4L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from insured_people where tenant_id = 'yuzhong' and name like '浏览%'"));
        Assert.Equal(3L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from import_jobs where tenant_id = 'yuzhong' and file_name like 'yuzhong-browser%'"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_in_Chinese_and_changes_nothing()
    {
        var jobsBefore = await host.QueryAsOwnerAsync<long>("select count(*) from import_jobs where tenant_id = 'zhenjiang'");
        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/register/import");

        await page.SetInputFilesAsync(FileInput, new FilePayload { Name = "register.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await page.Locator("[data-testid=selected-file]").WaitForAsync();
        await page.ClickAsync("[data-testid=import-button]");

        var problem = page.Locator("[data-testid=upload-problem]");
        await problem.WaitForAsync();
        Assert.Contains("只能导入 CSV 或 XLSX 文件", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=import-job]").CountAsync());
        Assert.Equal(jobsBefore, await host.QueryAsOwnerAsync<long>("select count(*) from import_jobs where tenant_id = 'zhenjiang'"));
        await ui.AssertAccessibleAsync();
    }

    /// <summary>Closes the snackbars (axe measures them mid-animation otherwise).</summary>
    private static async Task DismissSnackbarsAsync(IPage page)
    {
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
            await close.ClickAsync();
        await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private static async Task UploadAsync(IPage page, string name, string content)
    {
        try
        {
            await page.SetInputFilesAsync(FileInput, new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) },
                new PageSetInputFilesOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no file input in the upload form:\n{await page.InnerHTMLAsync("[data-testid=upload-form]")}");
        }

        await page.Locator("[data-testid=selected-file]", new() { HasTextString = name }).WaitForAsync();
        await page.ClickAsync("[data-testid=import-button]");
    }

    /// <summary>The upload streams through the circuit, then the import runs off the circuit's thread; the job ends completed.</summary>
    private static async Task WaitForCompletedJobAsync(IPage page, string? fileName = null)
    {
        try
        {
            var job = page.Locator("[data-testid=import-job][data-status=completed]");
            if (fileName is not null)
                job = job.Filter(new() { HasTextString = fileName });
            await job.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no completed import job at {page.Url}:\n{await page.InnerTextAsync("main")}");
        }
    }
}
