using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Calendar;

/// <summary>
/// 工作日历 in a browser: Jining's admin marks a day of a far year (only this test uses it) as a holiday, sees it in the
/// year's list and the change history with their name, is refused in Chinese a make-up working day on a weekday, and
/// removes the day again.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WorkingCalendarPageTests(LtcWebHost host)
{
    [Fact]
    public async Task The_admin_adds_a_holiday_sees_it_recorded_and_removes_it()
    {
        await using var admin = await UiSession.SignInAsync(host, "admin.jining");
        var page = admin.Page;
        await admin.OpenAsync("/admin/calendar");
        await page.Locator("[data-testid=calendar-days]").WaitForAsync();
        await admin.AssertAccessibleAsync();

        await TypeDateAsync(page, "#calendar-day", "2093-10-01");
        await page.FillAsync("#calendar-name", "测试节");
        await page.ClickAsync("[data-testid=calendar-add]");
        var row = page.Locator("[data-testid=calendar-row]", new PageLocatorOptions { HasTextString = "2093-10-01" });
        await row.WaitForAsync();
        Assert.Contains("测试节", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("放假", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2093", (await page.InnerTextAsync("[data-testid=calendar-year]")).Trim());
        Assert.Contains("admin.jining", await page.InnerTextAsync("[data-testid=calendar-history]"), StringComparison.Ordinal);
        await admin.AssertAccessibleAsync();

        // 2093-10-07 is a Wednesday: a make-up working day there makes no sense
        await TypeDateAsync(page, "#calendar-day", "2093-10-07");
        await page.Locator("[data-testid=calendar-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "调休上班" }).First.ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-popover-open .mud-list-item')");
        await page.FillAsync("#calendar-name", "测试调休");
        await page.ClickAsync("[data-testid=calendar-add]");
        await page.Locator("[data-testid=calendar-problem]").WaitForAsync();
        Assert.Contains("本来就是工作日", await page.InnerTextAsync("[data-testid=calendar-problem]"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=calendar-row]").CountAsync());

        await row.Locator("[data-testid=calendar-remove]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "删除" }).ClickAsync();
        await page.Locator("[data-testid=calendar-none]").WaitForAsync();
        Assert.Contains("删除", await page.InnerTextAsync("[data-testid=calendar-history]"), StringComparison.Ordinal);
    }

    private static async Task TypeDateAsync(IPage page, string selector, string text)
    {
        var input = page.Locator(selector);
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }
}
