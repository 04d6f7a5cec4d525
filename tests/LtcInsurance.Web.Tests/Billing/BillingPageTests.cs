using System.Globalization;
using System.Net;
using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.GetBillingTotals;
using LtcInsurance.Application.Contributions.ListBills;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Contributions.StartBillingRun;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// Billing through its use cases and what is still plain HTTP (first load, exports, not found). 石狮 bills by year
/// (SS 二(三)) and covers its special groups only (SS 二(一)); its ledger tests only check the hash chain, which new
/// entries extend, so 石狮's 2026 is this class's own. 镇江 refuses the run (local shares not set) and writes nothing.
/// The interactive pages are tested in <see cref="BillingBrowserTests"/>.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BillingPageTests(LtcWebHost host)
{
    [Fact]
    public async Task Shishi_yearly_run_totals_equal_its_bills_and_a_rerun_adds_nothing()
    {
        await BillingData.ImportAsync(host, "shishi", "shishi-billing.csv",
            RegisterFiles.Row(BillingData.Shishi, 1923, 41, "核定甲", "居民", "2026-01-01", "低保对象"),
            RegisterFiles.Row(BillingData.Shishi, 1923, 42, "核定乙", "居民", "2026-01-01", "低保对象"),
            RegisterFiles.Row(BillingData.Shishi, 1923, 43, "核定丙", "职工", "2026-01-01", "特困人员"));
        await using var shishi = OperatorUseCases.For(BillingData.AppConnection(host), "shishi");

        var run = await shishi.Sender.Send(new RunBillingCommand("2026"));

        var bills = await host.QueryAsOwnerAsync<long>("select count(*) from contribution_bills where tenant_id = 'shishi' and period = '2026'");
        var sum = await host.QueryAsOwnerAsync<decimal>("select coalesce(sum(total), 0) from contribution_bills where tenant_id = 'shishi' and period = '2026'");
        Assert.True(bills >= 3, $"expected the three imported people billed, got {bills}");
        Assert.Equal(sum, run.Totals.Total);
        // Payers by the vocabulary's codes (SS 二(三): 368 from fiscal, the person's 12 paid for them by fiscal).
        Assert.Contains(run.Totals.ByPayer, p => p.Payer == "fiscal" && p.Amount > 0);
        Assert.Contains(run.Totals.ByPayer, p => p.Payer == "fiscal_subsidy" && p.Amount > 0);
        Assert.Contains(run.Totals.ByRegion, r => r.RegionCode == BillingData.Shishi);

        var entries = await EntryCountAsync("shishi");
        var rerun = await shishi.Sender.Send(new RunBillingCommand("2026"));

        Assert.Equal(0, rerun.BillsCreated);
        Assert.Equal(bills, rerun.BillsAlreadyPresent);
        Assert.Equal(bills, await host.QueryAsOwnerAsync<long>("select count(*) from contribution_bills where tenant_id = 'shishi' and period = '2026'"));
        Assert.Equal(entries, await EntryCountAsync("shishi"));
        Assert.Equal(sum, (await shishi.Sender.Send(new GetBillingTotalsQuery("2026"))).Total);

        // The bill list of the region, filtered by person and payer, paged and sorted on the server.
        var page = await shishi.Sender.Send(new ListBillsQuery("2026", BillingData.Shishi, 0, 2, Person: "核定", Payer: "fiscal", SortBy: "Name", Descending: true));
        var ascending = await shishi.Sender.Send(new ListBillsQuery("2026", BillingData.Shishi, 0, 10, Person: "核定", Payer: "fiscal", SortBy: "Name"));
        var descending = await shishi.Sender.Send(new ListBillsQuery("2026", BillingData.Shishi, 0, 10, Person: "核定", Payer: "fiscal", SortBy: "Name", Descending: true));
        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(["核定甲", "核定乙", "核定丙"], ascending.Items.Select(b => b.Name).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(ascending.Items.Select(b => b.Name).Reverse(), descending.Items.Select(b => b.Name));
        Assert.All(page.Items, b => Assert.Equal(BillStatuses.NothingDue, b.Status));
        var owing = await shishi.Sender.Send(new ListBillsQuery("2026", null, 0, 10, Person: "核定", Status: BillStatuses.Owing));
        Assert.Equal(0, owing.Total);
    }

    [Fact]
    public async Task The_bill_list_refuses_an_unknown_payer_status_or_order_in_Chinese()
    {
        await using var shishi = OperatorUseCases.For(BillingData.AppConnection(host), "shishi");

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            shishi.Sender.Send(new ListBillsQuery("2026", null, 0, 10, Payer: "bank", Status: "late", SortBy: "Trace")));

        Assert.Equal(["未知的分担方", "未知的缴费状态", "未知的排序方式"], refused.Problems.Select(p => p.Message));
    }

    [Fact]
    public async Task Zhenjiangs_demo_year_bills_with_its_demo_values_and_a_rerun_adds_nothing()
    {
        // The demo data sets Zhenjiang's contribution figures as demo values (演示值) and bills 2026 through the run; the
        // refusal while a figure is unset (parameter_missing) is tested without demo data (Integration BillingRunTests).
        var bills = await host.QueryAsOwnerAsync<long>("select count(*) from contribution_bills where tenant_id = 'zhenjiang' and period = '2026'");
        Assert.True(bills > 0);
        var entries = await EntryCountAsync("zhenjiang");
        await using var zhenjiang = OperatorUseCases.For(BillingData.AppConnection(host), "zhenjiang");

        var rerun = await zhenjiang.Sender.Send(new RunBillingCommand("2026"));

        Assert.True(rerun.BillsAlreadyPresent >= bills);
        Assert.Equal(bills + rerun.BillsCreated,
            await host.QueryAsOwnerAsync<long>("select count(*) from contribution_bills where tenant_id = 'zhenjiang' and period = '2026'"));
        if (rerun.BillsCreated == 0)
            Assert.Equal(entries, await EntryCountAsync("zhenjiang"));
    }

    [Fact]
    public async Task A_period_in_the_wrong_unit_is_refused_with_the_citys_cycle_before_anything_is_queued()
    {
        await using var shishi = OperatorUseCases.For(BillingData.AppConnection(host), "shishi");
        var jobs = await host.QueryAsOwnerAsync<long>("select count(*) from background_jobs where tenant_id = 'shishi'");

        var refusal = await Assert.ThrowsAsync<BillingRefusedException>(() => shishi.Sender.Send(new StartBillingRunCommand("2026-03")));

        Assert.Contains("按年缴费", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(jobs, await host.QueryAsOwnerAsync<long>("select count(*) from background_jobs where tenant_id = 'shishi'"));
    }

    [Fact]
    public async Task Billing_pages_render_on_first_load_in_Chinese()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");

        using var billing = await client.GetAsync("/billing?period=2026");
        using var bills = await client.GetAsync("/billing/bills?period=2026&region=350581");

        Assert.Equal(HttpStatusCode.OK, billing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bills.StatusCode);
        var html = await billing.Content.ReadAsStringAsync();
        Assert.Contains("缴费核定", html, StringComparison.Ordinal);
        Assert.Contains("本市按年核定缴费", html, StringComparison.Ordinal);
        Assert.Contains("缴费单与欠费", await bills.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

    private Task<long> EntryCountAsync(string tenant) =>
        host.QueryAsOwnerAsync<long>("select count(*) from journal_entries where tenant_id = @tenant", ("tenant", tenant));
}
