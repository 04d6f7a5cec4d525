using System.Net;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// Recording a receipt against a bill with an individual part. The cities whose runs charge individuals either refuse
/// (镇江, 渝中), have no entries by design (玉林 before 2027) or have books other web tests measure (济宁's agency-fee
/// year), and 石狮's fiscal pays the individual 12 yuan (SS 二(三)). So the bill, a 石狮 2025 bill with the individual
/// part still owed, is written as the owner, the way the billing run stores one; the payment goes through the page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PaymentPageTests(LtcWebHost host)
{
    [Fact]
    public async Task Clerk_records_a_payment_once_and_the_arrears_list_no_longer_shows_the_paid_bill()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");
        var (person, bill) = await BillOwingTwelveYuanAsync(client, 61, "缴费甲");
        Assert.Contains($"/billing/bills/{bill}/payment", await client.GetStringAsync("/billing?period=2025"), StringComparison.Ordinal);

        var first = await PayAsync(client, bill, "SS-2025-0001", 12m);
        var again = await PayAsync(client, bill, "SS-2025-0001", 12m);

        Assert.Contains("已登记", RegisterFiles.TestIdText(first, "payment-recorded"), StringComparison.Ordinal);
        Assert.Contains("已登记过", RegisterFiles.TestIdText(again, "payment-recorded"), StringComparison.Ordinal);
        Assert.Equal(1L, await host.QueryAsOwnerAsync<long>("select count(*) from contribution_payments where bill_id = @b", ("b", bill)));
        Assert.DoesNotContain($"/billing/bills/{bill}/payment", await client.GetStringAsync("/billing?period=2025"), StringComparison.Ordinal);
        var detail = await client.GetStringAsync($"/people/{person}");
        Assert.Contains("SS-2025-0001", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paying_more_than_is_outstanding_is_refused_in_Chinese()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");
        var (_, bill) = await BillOwingTwelveYuanAsync(client, 71, "多缴乙");

        var html = await PayAsync(client, bill, "SS-2025-0099", 12.01m);

        Assert.Contains("超过未缴金额", RegisterFiles.TestIdText(html, "payment-refused"), StringComparison.Ordinal);
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>("select count(*) from contribution_payments where bill_id = @b", ("b", bill)));
    }

    [Fact]
    public async Task A_receipt_without_a_reference_or_of_a_fraction_of_a_cent_is_refused_in_Chinese_on_the_page()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");
        var (_, bill) = await BillOwingTwelveYuanAsync(client, 81, "缴费丙");

        var blank = await PayAsync(client, bill, "   ", 12m);
        var fraction = await PayAsync(client, bill, "SS-2025-0081", 0.001m, "0.001");

        Assert.Equal("缴费凭证号为空或超过64个字符", RegisterFiles.TestIdText(blank, "payment-refused"));
        Assert.Equal("缴费金额最多两位小数", RegisterFiles.TestIdText(fraction, "payment-refused"));
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>("select count(*) from contribution_payments where bill_id = @b", ("b", bill)));
    }

    /// <summary>Imports the person through the page, then stores their 2025 bill: 380 yuan, 12 of it owed by them.</summary>
    private async Task<(Guid Person, Guid Bill)> BillOwingTwelveYuanAsync(HttpClient client, int sequence, string name)
    {
        await RegisterFiles.UploadAsync(client, $"shishi-{sequence}.csv", RegisterFiles.Csv(RegisterFiles.Row("350581", 1926, sequence, name)));
        var person = await host.QueryAsOwnerAsync<Guid>("select id from insured_people where tenant_id = 'shishi' and name = @n", ("n", name));
        var bill = await host.QueryAsOwnerAsync<Guid>(
            "with bill as (insert into contribution_bills (tenant_id, id, period, person_id, scheme, region_code, total, individual_due, trace, created_at) " +
            "values ('shishi', gen_random_uuid(), '2025', @p, 'special_groups', '350581', 380.00, 12.00, '{}', now()) returning id), " +
            "lines as (insert into contribution_bill_lines (tenant_id, bill_id, payer, amount) " +
            "select 'shishi', id, payer, amount from bill, (values ('individual', 12.00), ('fiscal', 368.00)) as l(payer, amount)) " +
            "select id from bill",
            ("p", person));
        return (person, bill);
    }

    private static async Task<string> PayAsync(HttpClient client, Guid bill, string reference, decimal amount, string? amountText = null)
    {
        var url = $"/billing/bills/{bill}/payment";
        var page = await client.GetStringAsync(url);
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "billing-payment",
            ["Input.Reference"] = reference,
            ["Input.Amount"] = amountText ?? amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PaidOn"] = "2027-02-01",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
