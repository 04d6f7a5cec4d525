using System.Globalization;
using System.Net;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// Billing through the page. 石狮 bills by year (SS 二(三)) and covers its special groups only (SS 二(一)); its ledger tests only check the hash chain, which new
/// entries extend, so 石狮's 2026 is this class's own. 镇江 refuses the run (local shares not set) and writes nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BillingPageTests(LtcWebHost host)
{
    private const string Shishi = "350581";

    [Fact]
    public async Task Shishi_yearly_run_shows_totals_equal_to_its_bills_and_a_rerun_adds_nothing()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");
        await RegisterFiles.UploadAsync(client, "shishi-billing.csv", RegisterFiles.Csv(
            RegisterFiles.Row(Shishi, 1923, 41, "核定甲", "居民", "2026-01-01", "低保对象"),
            RegisterFiles.Row(Shishi, 1923, 42, "核定乙", "居民", "2026-01-01", "低保对象"),
            RegisterFiles.Row(Shishi, 1923, 43, "核定丙", "职工", "2026-01-01", "特困人员")));

        var html = await RunAsync(client, "2026");

        var bills = await host.QueryAsOwnerAsync<long>("select count(*) from contribution_bills where tenant_id = 'shishi' and period = '2026'");
        var sum = await host.QueryAsOwnerAsync<decimal>("select coalesce(sum(total), 0) from contribution_bills where tenant_id = 'shishi' and period = '2026'");
        Assert.True(bills >= 3, $"expected the three imported people billed, got {bills}");
        Assert.True(sum > 0m);
        Assert.Contains("核定完成", RegisterFiles.TestIdText(html, "billing-result"), StringComparison.Ordinal);
        Assert.Equal(sum.ToString("#,##0.00", CultureInfo.InvariantCulture), RegisterFiles.TestIdText(html, "totals-total"));
        Assert.Contains("data-testid=\"totals-by-region\"", html, StringComparison.Ordinal);
        // Payers by the vocabulary's names, the chart's (SS 二(三): 368 from fiscal, the person's 12 paid for them by fiscal).
        Assert.Contains("<tr data-payer=\"fiscal\"><td>财政补助</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-payer=\"fiscal_subsidy\"><td>财政资助参保补贴</td>", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/billing/bills\\?period=2026&(amp;)?region=350581\"", html);

        var entries = await EntryCountAsync("shishi");
        var rerun = await RunAsync(client, "2026");

        Assert.Contains("新建缴费单 0 张", RegisterFiles.TestIdText(rerun, "billing-result"), StringComparison.Ordinal);
        Assert.Equal(bills, await host.QueryAsOwnerAsync<long>("select count(*) from contribution_bills where tenant_id = 'shishi' and period = '2026'"));
        Assert.Equal(entries, await EntryCountAsync("shishi"));
        Assert.Equal(sum.ToString("#,##0.00", CultureInfo.InvariantCulture), RegisterFiles.TestIdText(rerun, "totals-total"));

        // Drill-down: the region's bills, each linking to the person.
        var list = await client.GetStringAsync("/billing/bills?period=2026&region=350581");
        Assert.Contains("核定甲", list, StringComparison.Ordinal);
        Assert.Matches("href=\"/people/[0-9a-f-]{36}\"", list);
    }

    [Fact]
    public async Task Zhenjiang_run_is_refused_in_Chinese_and_writes_nothing()
    {
        // One enrolled person is enough for the engine to be asked, and to refuse.
        var person = await host.QueryAsOwnerAsync<Guid>(
            "select id from insured_people where tenant_id = 'zhenjiang' order by name desc, id desc limit 1");
        await host.QueryAsOwnerAsync<int>(
            "with added as (insert into enrollment_periods (tenant_id, id, person_id, scheme, start_date) " +
            "select 'zhenjiang', gen_random_uuid(), @person, 'resident', date '2026-01-01' " +
            "where not exists (select 1 from enrollment_periods where person_id = @person) returning 1) select count(*)::int from added",
            ("person", person));
        var entries = await EntryCountAsync("zhenjiang");
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        var html = await RunAsync(client, "2026");

        var refusal = RegisterFiles.TestIdText(html, "billing-refused");
        Assert.Contains("缴费核定未执行，未写入任何数据", refusal, StringComparison.Ordinal);
        Assert.Contains("data-code=\"parameter_missing\"", html, StringComparison.Ordinal);
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>("select count(*) from contribution_bills where tenant_id = 'zhenjiang'"));
        Assert.Equal(entries, await EntryCountAsync("zhenjiang"));
    }

    [Fact]
    public async Task A_period_in_the_wrong_unit_is_refused_with_the_citys_cycle()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");

        var html = await RunAsync(client, "2026-03");

        Assert.Contains("按年缴费", RegisterFiles.TestIdText(html, "billing-refused"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arrears_list_exports_as_csv_and_xlsx()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");

        using var csv = await client.GetAsync("/billing/arrears/export.csv?period=2026");
        using var xlsx = await client.GetAsync("/billing/arrears/export.xlsx");
        using var unknown = await client.GetAsync("/billing/arrears/export.pdf");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("欠费名单_2026.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("姓名/name,期间/period", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<string> RunAsync(HttpClient client, string period)
    {
        var page = await client.GetStringAsync($"/billing?period={period}");
        using var response = await client.PostAsync($"/billing?period={period}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "billing-run",
            ["RunPeriod"] = period,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<long> EntryCountAsync(string tenant) =>
        host.QueryAsOwnerAsync<long>("select count(*) from journal_entries where tenant_id = @tenant", ("tenant", tenant));
}
