using System.Text;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Register;

/// <summary>
/// The base-file import page (缴费基数导入) in a real browser: the file goes through the circuit into a background job and
/// the row-by-row error report shows when it ends. Its rows name nobody on Yulin's register, so nothing is recorded.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BaseImportBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Clerk_imports_a_base_file_and_reads_each_bad_row_in_chinese()
    {
        var unknown = Domain.Enrollment.IdNumber.Create("450902", new DateOnly(1961, 7, 7), 977).Value;
        var csv = "身份证号码,年度,基数类别,月缴费基数\r\n" + $"{unknown},2027,工资,5000\r\n" + $"{unknown},2028,奖金,5000\r\n";
        await using var ui = await UiSession.SignInAsync(host, "clerk.yulin");
        var page = ui.Page;
        await ui.OpenAsync("/register/bases");
        Assert.Contains("缴费基数导入", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        await page.SetInputFilesAsync("[data-testid=bases-upload] input[type=file] >> nth=-1",
            new FilePayload { Name = "bases.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("[data-testid=bases-selected]").WaitForAsync();
        await page.ClickAsync("[data-testid=bases-import]");

        await page.Locator("[data-testid=job-panel][data-status=succeeded]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var result = page.Locator("[data-testid=bases-result][data-errors='2'][data-added='0']");
        await result.WaitForAsync();
        var errors = await page.InnerTextAsync("[data-testid=bases-errors]");
        Assert.Contains("参保登记中没有该身份证号码的人员", errors, StringComparison.Ordinal);
        Assert.Contains("基数类别「奖金」无效", errors, StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=bases-error-report]").CountAsync() == 1);
        // The queued/finished snackbars fade in and out; axe reads a half-faded one as poor contrast, so check once they are gone.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 250 });
        await ui.AssertAccessibleAsync();
    }
}
