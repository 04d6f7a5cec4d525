using System.Globalization;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>
/// Issue #16 item 7: the overview never shows a stale "校验通过". After a verification, a new entry (a receipt recorded by
/// a 石狮 clerk) moves the chain head: the page says "未校验新分录" with both heads until the auditor verifies again.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class VerificationFreshnessTests(LtcWebHost host)
{
    [Fact]
    public async Task A_new_entry_marks_the_last_verification_stale_until_it_is_run_again()
    {
        using var auditor = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(auditor, "auditor.shishi");
        var page = await auditor.GetStringAsync("/ledger");

        var verified = await PostVerifyAsync(auditor, page);
        var before = await host.EntryCountAsync("shishi");
        Assert.Contains("校验通过", LedgerBooks.TestIdText(verified, "verify-result"), StringComparison.Ordinal);
        Assert.Equal($"#{before} {await host.HashAsync("shishi", before)}", LedgerBooks.TestIdText(verified, "verified-head"));

        await RecordReceiptAsync();
        var after = await host.EntryCountAsync("shishi");
        Assert.True(after > before);

        var stale = await auditor.GetStringAsync("/ledger");
        var status = LedgerBooks.TestIdText(stale, "verify-result");
        Assert.Contains("未校验新分录", status, StringComparison.Ordinal);
        Assert.DoesNotContain("校验通过", status, StringComparison.Ordinal);
        Assert.Equal($"#{before} {await host.HashAsync("shishi", before)}", LedgerBooks.TestIdText(stale, "verified-head"));
        Assert.Equal($"#{after} {await host.HashAsync("shishi", after)}", LedgerBooks.TestIdText(stale, "current-head"));

        var again = await PostVerifyAsync(auditor, stale);
        Assert.Contains("校验通过", LedgerBooks.TestIdText(again, "verify-result"), StringComparison.Ordinal);
        Assert.Equal($"#{after} {await host.HashAsync("shishi", after)}", LedgerBooks.TestIdText(again, "verified-head"));
        Assert.DoesNotContain("data-testid=\"current-head\"", again, StringComparison.Ordinal);
    }

    /// <summary>A 12.00 receipt against a 石狮 2025 bill written as the owner (as PaymentPageTests does): one new entry.</summary>
    private async Task RecordReceiptAsync()
    {
        using var clerk = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(clerk, "clerk.shishi");
        const string name = "校验新分录";
        await RegisterFiles.UploadAsync(clerk, "shishi-95.csv", RegisterFiles.Csv(RegisterFiles.Row("350581", 1926, 95, name)));
        var person = await host.QueryAsOwnerAsync<Guid>("select id from insured_people where tenant_id = 'shishi' and name = @n", ("n", name));
        var bill = await host.QueryAsOwnerAsync<Guid>(
            "with bill as (insert into contribution_bills (tenant_id, id, period, person_id, scheme, region_code, total, individual_due, trace, created_at) " +
            "values ('shishi', gen_random_uuid(), '2025', @p, 'special_groups', '350581', 380.00, 12.00, '{}', now()) returning id), " +
            "lines as (insert into contribution_bill_lines (tenant_id, bill_id, payer, amount) " +
            "select 'shishi', id, payer, amount from bill, (values ('individual', 12.00), ('fiscal', 368.00)) as l(payer, amount)) " +
            "select id from bill",
            ("p", person));
        var url = $"/billing/bills/{bill}/payment";
        var form = await clerk.GetStringAsync(url);
        using var response = await clerk.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["_handler"] = "billing-payment",
            ["Input.Reference"] = "SS-2025-9501",
            ["Input.Amount"] = 12m.ToString("0.00", CultureInfo.InvariantCulture),
            ["Input.PaidOn"] = "2027-02-01",
        }));
        Assert.Contains("已登记", RegisterFiles.TestIdText(await response.Content.ReadAsStringAsync(), "payment-recorded"), StringComparison.Ordinal);
    }

    private static async Task<string> PostVerifyAsync(HttpClient client, string page)
    {
        using var response = await client.PostAsync("/ledger", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "ledger-verify",
        }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
