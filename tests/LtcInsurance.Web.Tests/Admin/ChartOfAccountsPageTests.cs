using System.Net;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Ledger;

namespace LtcInsurance.Web.Tests.Admin;

/// <summary>A city's admin keeps its chart of accounts: adds accounts, renames them; never another city's, never a 500.</summary>
[Collection(WebCollection.Name)]
public sealed class ChartOfAccountsPageTests(LtcWebHost host)
{
    [Fact]
    public async Task An_admin_adds_an_account_and_the_trial_balance_lists_it()
    {
        using var client = await SignedInAsync("admin.zhenjiang");

        var html = await AddAsync(client, "5301.91", "经办服务费支出—信息系统运维", "Expense");

        Assert.Contains("5301.91", LedgerBooks.TestIdText(html, "chart-done"), StringComparison.Ordinal);
        Assert.Contains("data-code=\"5301.91\"", html, StringComparison.Ordinal);
        Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from ledger_accounts where tenant_id = 'zhenjiang' and code = '5301.91' and type = 'expense'"));
        // The trial balance hides unused accounts by default, the CSV lists every account of the chart.
        var csv = await client.GetStringAsync("/ledger/export/trial-balance.csv");
        Assert.Contains("5301.91,经办服务费支出—信息系统运维,expense", csv, StringComparison.Ordinal);
        using var auditor = await SignedInAsync("auditor.jining");
        Assert.DoesNotContain("5301.91", await auditor.GetStringAsync("/ledger/export/trial-balance.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_the_city_already_has_is_refused_in_Chinese()
    {
        using var client = await SignedInAsync("admin.zhenjiang");

        var html = await AddAsync(client, "1001", "另一个专户", "Asset");

        Assert.Contains("科目代码 1001 已存在", LedgerBooks.TestIdText(html, "chart-refused"), StringComparison.Ordinal);
        Assert.Equal("基金专户存款", await host.QueryAsOwnerAsync<string>(
            "select name from ledger_accounts where tenant_id = 'zhenjiang' and code = '1001'"));
    }

    [Theory]
    [InlineData("4101.91", "Expense", "", "属于收入类")] // the first digit is the element
    [InlineData("abc", "Asset", "", "科目代码“abc”无效")]
    [InlineData("5301", "Expense", "999999", "不是本统筹地区的行政区划")]
    [InlineData("5301.92", "Expense", "370811", "不是本统筹地区的行政区划")] // Jining's county, asked for by Zhenjiang
    [InlineData("2109", "Liability", "321102", "科目 2109 不存在")] // a region splits an existing city account
    public async Task Inconsistent_accounts_are_refused_with_the_reason(string code, string type, string region, string reason)
    {
        using var client = await SignedInAsync("admin.zhenjiang");

        using var response = await PostAddAsync(client, code, "测试科目", type, region);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, LedgerBooks.TestIdText(html, "chart-refused"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_sub_account_takes_the_city_accounts_type_and_the_region_in_its_code()
    {
        using var client = await SignedInAsync("admin.jining");
        Assert.Contains("2104", LedgerBooks.TestIdText(await AddAsync(client, "2104", "应付其他款", "Liability"), "chart-done"),
            StringComparison.Ordinal);

        var html = await AddAsync(client, "2104", "应付其他款（任城区）", "Liability", "370811");

        Assert.Contains("2104@370811", LedgerBooks.TestIdText(html, "chart-done"), StringComparison.Ordinal);
        Assert.Equal("liability 370811", await host.QueryAsOwnerAsync<string>(
            "select type || ' ' || region_code from ledger_accounts where tenant_id = 'jining' and code = '2104@370811'"));
    }

    [Fact]
    public async Task Renaming_changes_the_name_only_even_of_an_account_with_postings()
    {
        using var client = await SignedInAsync("admin.shishi");
        var page = await client.GetStringAsync("/admin/chart");

        using var response = await client.PostAsync("/admin/chart", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "chart-rename",
            ["code"] = "5201",
            ["name"] = "失能等级评估费支出",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("5201", LedgerBooks.TestIdText(html, "chart-done"), StringComparison.Ordinal);
        Assert.Equal("失能等级评估费支出", await host.QueryAsOwnerAsync<string>(
            "select name from ledger_accounts where tenant_id = 'shishi' and code = '5201'"));
        Assert.Equal("expense", await host.QueryAsOwnerAsync<string>(
            "select type from ledger_accounts where tenant_id = 'shishi' and code = '5201'"));
        // Names are not hashed: the books still verify.
        // Verified afresh (a GET may show an earlier run, stale once other tests add 石狮 entries).
        using var auditor = await SignedInAsync("auditor.shishi");
        using var verified = await auditor.PostAsync("/ledger", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(await auditor.GetStringAsync("/ledger")),
            ["_handler"] = "ledger-verify",
        }));
        Assert.Contains("校验通过", LedgerBooks.TestIdText(await verified.Content.ReadAsStringAsync(), "verify-result"), StringComparison.Ordinal);
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

    private static async Task<string> AddAsync(HttpClient client, string code, string name, string type, string region = "")
    {
        using var response = await PostAddAsync(client, code, name, type, region);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PostAddAsync(HttpClient client, string code, string name, string type, string region)
    {
        var page = await client.GetStringAsync("/admin/chart");
        return await client.PostAsync("/admin/chart", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "chart-add",
            ["code"] = code,
            ["name"] = name,
            ["type"] = type,
            ["region"] = region,
        }));
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }
}
