using System.Text;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Providers;

/// <summary>
/// The service catalogue page in a real browser: an admin imports a bad file (nothing imported, the problems row by row),
/// then a good one, and sees its items as of their first day.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CatalogueBrowserTests(LtcWebHost host)
{
    private const string Header = "项目编码/code,项目名称/name,类别/category,计价单位/unit,价格/price,所需资格/qualification,国家项目编码/national_code,国家目录对应/national_mapping\r\n";

    [Fact]
    public async Task Admin_imports_a_catalogue_and_sees_it()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/providers/catalogue");
        Assert.Contains("服务项目目录", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        // MudTextField puts the attribute on the input itself (or on its wrapper in other versions)
        await page.FillAsync("input[data-testid=catalogue-valid-from], [data-testid=catalogue-valid-from] input", "2027-01-01");

        await page.SetInputFilesAsync("[data-testid=catalogue-upload] input[type=file] >> nth=-1",
            new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Header + "ZJ-T01,,护理,次,,,,\r\n") });
        await page.Locator("[data-testid=catalogue-selected]").WaitForAsync();
        await page.ClickAsync("[data-testid=catalogue-import]");
        var errors = await page.Locator("[data-testid=catalogue-errors]").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 30_000 });
        Assert.Contains("项目名称不能为空", errors, StringComparison.Ordinal);
        Assert.Contains("类别「护理」未知", errors, StringComparison.Ordinal);

        var good = Header + "ZJ-T01,浏览器测试助浴,生活照料,次,30,护理员,,\r\n" + "ZJ-T02,浏览器测试床位,bed,日,,,,\r\n";
        await page.SetInputFilesAsync("[data-testid=catalogue-upload] input[type=file] >> nth=-1",
            new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await page.Locator("[data-testid=catalogue-selected]").WaitForAsync();
        await page.ClickAsync("[data-testid=catalogue-import]");
        await page.Locator("[data-testid=catalogue-items] tr[data-code='ZJ-T02']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var items = await page.InnerTextAsync("[data-testid=catalogue-items]");
        Assert.Contains("浏览器测试助浴", items, StringComparison.Ordinal);
        Assert.Contains("30.00", items, StringComparison.Ordinal);
        Assert.DoesNotContain("演示值", items, StringComparison.Ordinal); // the demo catalogue was closed the day before
        Assert.Contains("good.csv", await page.InnerTextAsync("[data-testid=catalogue-versions]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=catalogue-errors]").CountAsync());
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 250 });
        await ui.AssertAccessibleAsync();
    }
}
