using System.Net;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Ledger;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Admin;

/// <summary>A city's admin keeps its chart of accounts: adds accounts, renames them; never another city's, never a 500.</summary>
[Collection(WebCollection.Name)]
public sealed class ChartOfAccountsPageTests(LtcWebHost host)
{
    [Fact]
    public async Task An_admin_adds_an_account_after_confirming_and_the_trial_balance_lists_it()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/admin/chart");
        await page.Locator("[data-testid=chart-row][data-code='1001']").WaitForAsync();
        Assert.Contains("工作台", await page.InnerTextAsync(".mud-breadcrumbs"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        await page.FillAsync("#chart-code", "5301.91");
        await page.FillAsync("#chart-name", "经办服务费支出—信息系统运维");
        await page.ChooseAsync("chart-type", "支出");
        await page.ClickAsync("[data-testid=chart-add]");
        // Code and type never change once added: the dialog says so first.
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        Assert.Contains("不能再更改", await dialog.InnerTextAsync(), StringComparison.Ordinal);
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "新增" }).ClickAsync();

        Assert.Contains("5301.91", await page.SnackbarAsync(), StringComparison.Ordinal);
        Assert.Contains("5301.91", await page.InnerTextAsync("[data-testid=chart-done]"), StringComparison.Ordinal);
        await page.Locator("[data-testid=chart-row][data-code='5301.91']").WaitForAsync();
        Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from ledger_accounts where tenant_id = 'zhenjiang' and code = '5301.91' and type = 'expense'"));
        await ui.ScreenshotAsync("admin-chart.png");

        // The trial balance hides unused accounts by default, the CSV lists every account of the chart.
        using var client = await SignedInAsync("admin.zhenjiang");
        var csv = await client.GetStringAsync("/ledger/export/trial-balance.csv");
        Assert.Contains("5301.91,经办服务费支出—信息系统运维,expense", csv, StringComparison.Ordinal);
        using var auditor = await SignedInAsync("auditor.jining");
        Assert.DoesNotContain("5301.91", await auditor.GetStringAsync("/ledger/export/trial-balance.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_use_cases_validator_judges_a_field_and_the_books_refuse_a_code_the_city_has()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/admin/chart");

        // Judged by AddAccountValidator next to the field, nothing sent.
        await page.FillAsync("#chart-code", "abc");
        await page.FillAsync("#chart-name", "测试科目");
        await page.ChooseAsync("chart-type", "资产");
        await page.ClickAsync("[data-testid=chart-add]");
        await page.Locator("[data-testid=chart-add-form] .mud-input-helper-text:has-text('科目代码“abc”无效')").WaitForAsync();
        Assert.Equal(0, await page.Locator(".mud-dialog").CountAsync());

        // A well-formed code the city already has: refused by the books, in Chinese, nothing changed.
        await page.FillAsync("#chart-code", "1001");
        await page.FillAsync("#chart-name", "另一个专户");
        await page.ClickAsync("[data-testid=chart-add]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "新增" }).ClickAsync();
        Assert.Contains("科目代码 1001 已存在", await page.SnackbarAsync(), StringComparison.Ordinal);
        Assert.Contains("科目代码 1001 已存在", await page.InnerTextAsync("[data-testid=chart-refused]"), StringComparison.Ordinal);
        Assert.Equal("基金专户存款", await host.QueryAsOwnerAsync<string>(
            "select name from ledger_accounts where tenant_id = 'zhenjiang' and code = '1001'"));
    }

    [Fact]
    public async Task The_chart_filters_by_type()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.jining");
        var page = ui.Page;
        await ui.OpenAsync("/admin/chart");
        await page.Locator("[data-testid=chart-row]").First.WaitForAsync();
        var all = await page.InnerTextAsync("[data-testid=chart-count]");

        await page.ChooseAsync("chart-filter-type", "收入");

        Assert.True(await LedgerUi.EventuallyAsync(async () => await page.InnerTextAsync("[data-testid=chart-count]") != all));
        var codes = await page.Locator("[data-testid=chart-row]").AllInnerTextsAsync();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.StartsWith("4", code.Trim(), StringComparison.Ordinal)); // income accounts are 4xxx
    }

    [Fact]
    public async Task Renaming_changes_the_name_only_even_of_an_account_with_postings()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/admin/chart");

        await page.ChooseAsync("rename-code", "5201 ");
        await page.FillAsync("#rename-name", "失能等级评估费支出");
        await page.ClickAsync("[data-testid=chart-rename]");

        Assert.Contains("5201", await page.SnackbarAsync(), StringComparison.Ordinal);
        Assert.Contains("5201", await page.InnerTextAsync("[data-testid=chart-done]"), StringComparison.Ordinal);
        Assert.Equal("失能等级评估费支出", await host.QueryAsOwnerAsync<string>(
            "select name from ledger_accounts where tenant_id = 'shishi' and code = '5201'"));
        Assert.Equal("expense", await host.QueryAsOwnerAsync<string>(
            "select type from ledger_accounts where tenant_id = 'shishi' and code = '5201'"));
    }

    [Theory]
    [InlineData("auditor.zhenjiang")]
    [InlineData("clerk.zhenjiang")]
    public async Task Only_admins_may_open_the_chart(string userName)
    {
        using var client = await SignedInAsync(userName);

        using var response = await client.GetAsync("/admin/chart");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var denied = await client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }
}
