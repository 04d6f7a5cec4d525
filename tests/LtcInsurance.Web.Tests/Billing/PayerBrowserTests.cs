using System.Text;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// Issue #11 item 3 in a browser: the receivables page (a treasury transfer settles the fiscal share of a period) and the
/// tax-bureau collection import page. 石狮 people born in 1927, sequences 141–142, bills of 2032 and 2036 (no other test
/// bills those years).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PayerBrowserTests(LtcWebHost host)
{
    private const string FileInput = "[data-testid=collections-upload] input[type=file] >> nth=-1";

    [Fact]
    public async Task A_clerk_records_a_treasury_transfer_and_sees_the_outstanding_amount_fall_after_a_refused_overpayment()
    {
        await BillAsync(141, "划拨甲", "2032", individual: 20m, fiscal: 368m);
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/billing/receivables?period=2032");
        var fiscal = page.Locator("[data-testid=receivables-by-payer] tr[data-period='2032'][data-payer='fiscal']");
        await fiscal.WaitForAsync();
        Assert.Equal("368.00", (await fiscal.Locator("[data-testid=payer-outstanding]").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("[data-testid=receivables-by-region] tr[data-period='2032'][data-payer='fiscal'][data-region='350581']").CountAsync() == 1);
        await ui.AssertAccessibleAsync();

        // More than is owed: the Chinese refusal in the dialog, nothing written.
        await fiscal.Locator("[data-testid=record-transfer]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        Assert.Contains("368.00", await dialog.InnerTextAsync(), StringComparison.Ordinal);
        await page.FillAsync("#transfer-reference", "CZ-2032-0141");
        await page.FillAsync("#transfer-amount", "500");
        await page.ClickAsync("[data-testid=transfer-confirm]");
        await page.Locator("[data-testid=transfer-refused]").WaitForAsync();
        Assert.Contains("超过", await page.InnerTextAsync("[data-testid=transfer-refused]"), StringComparison.Ordinal);
        Assert.Equal(0L, await TransfersAsync("2032"));
        await ui.AssertAccessibleAsync();

        await page.FillAsync("#transfer-amount", "300");
        await page.ClickAsync("[data-testid=transfer-confirm]");
        await page.Locator("[data-testid=transfer-recorded]").WaitForAsync();
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Contains("68.00", await page.InnerTextAsync("[data-testid=transfer-recorded]"), StringComparison.Ordinal);
        Assert.Equal("68.00", (await fiscal.Locator("[data-testid=payer-outstanding]").InnerTextAsync()).Trim());
        Assert.Equal("300.00", (await fiscal.Locator("[data-testid=payer-settled]").InnerTextAsync()).Trim());
        Assert.Equal(1L, await TransfersAsync("2032"));
        Assert.Equal(300m, await host.QueryAsOwnerAsync<decimal>(
            "select amount from payer_transfers where tenant_id = 'shishi' and reference = 'CZ-2032-0141'"));

        // Arrears only: the individual's 20.00 and the fiscal 68.00 stay; the export link follows the filter.
        await page.GetByText("只看欠费").ClickAsync();
        await page.Locator("[data-testid=receivables-xlsx][href*='outstanding=true']").WaitForAsync();
        Assert.Equal("68.00", (await fiscal.Locator("[data-testid=payer-outstanding]").InnerTextAsync()).Trim());
        var export = await page.APIRequest.GetAsync("/billing/receivables/export.csv?period=2032&outstanding=true");
        Assert.Equal(200, export.Status);
        var csv = Encoding.UTF8.GetString(await export.BodyAsync());
        Assert.Contains("68.00", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_collection_file_is_imported_in_the_background_and_shows_its_counts_and_error_report()
    {
        await BillAsync(142, "征收乙", "2036", individual: 30m, fiscal: 0m);
        var id = RegisterFiles.IdOf(BillingData.Shishi, 1927, 142);
        var file = "收款凭证号,身份证号码,期间,金额\n" + $"SW-2036-0142,{id},2036,30\n" + $"SW-2036-0143,{id},2036,abc\n";
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/billing/collections/import");
        Assert.Contains("收款凭证号", await page.InnerTextAsync("[data-testid=collections-format]"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        await page.SetInputFilesAsync(FileInput, new FilePayload { Name = "税务征收-2036.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await page.Locator("[data-testid=collections-selected]").WaitForAsync();
        await page.ClickAsync("[data-testid=collections-import]");

        var result = page.Locator("[data-testid=collections-result][data-status=completed]");
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal("2", (await page.InnerTextAsync("[data-testid=collections-total]")).Trim());
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=collections-recorded]")).Trim());
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=collections-errors]")).Trim());
        Assert.Equal("30.00", (await page.InnerTextAsync("[data-testid=collections-amount]")).Trim());
        Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from contribution_payments where tenant_id = 'shishi' and reference = 'SW-2036-0142'"));

        var href = await page.GetAttributeAsync("[data-testid=collections-error-csv]", "href");
        var report = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, report.Status);
        var text = Encoding.UTF8.GetString(await report.BodyAsync());
        Assert.Contains("SW-2036-0143", text, StringComparison.Ordinal);
        Assert.Contains("金额须为", text, StringComparison.Ordinal);
        await DismissSnackbarsAsync(page);
        await ui.AssertAccessibleAsync();
    }

    /// <summary>A Shishi person born in 1927 with a bill of <paramref name="period"/>, stored as the billing run stores one.</summary>
    private async Task BillAsync(int sequence, string name, string period, decimal individual, decimal fiscal)
    {
        await BillingData.ImportAsync(host, "shishi", $"shishi-1927-{sequence}.csv", BillingData.PersonRow(sequence, name));
        var person = await host.QueryAsOwnerAsync<Guid>("select id from insured_people where tenant_id = 'shishi' and name = @n", ("n", name));
        await host.QueryAsOwnerAsync<Guid>(
            "with bill as (insert into contribution_bills (tenant_id, id, period, person_id, scheme, region_code, total, individual_due, trace, created_at) " +
            "values ('shishi', gen_random_uuid(), @period, @p, 'special_groups', '350581', @total, @individual, '{}', now()) returning id), " +
            "lines as (insert into contribution_bill_lines (tenant_id, bill_id, payer, amount) " +
            "select 'shishi', id, payer, amount from bill, (values ('individual', @individual), ('fiscal', @fiscal)) as l(payer, amount) where amount > 0) " +
            "select id from bill",
            ("period", period), ("p", person), ("total", individual + fiscal), ("individual", individual), ("fiscal", fiscal));
    }

    /// <summary>Closes the snackbars (axe measures them mid-animation otherwise).</summary>
    private static async Task DismissSnackbarsAsync(IPage page)
    {
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
            await close.ClickAsync();
        await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private Task<long> TransfersAsync(string period) =>
        host.QueryAsOwnerAsync<long>("select count(*) from payer_transfers where tenant_id = 'shishi' and period = @period", ("period", period));
}
