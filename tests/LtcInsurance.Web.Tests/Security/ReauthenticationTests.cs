using System.Globalization;
using System.Net;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;

namespace LtcInsurance.Web.Tests.Security;

/// <summary>
/// Issue #16 item 5: a payment above 10,000.00 (Ltc:Security:ReauthenticateAbove) needs the clerk's password again. The
/// bill (a 石狮 2025 bill with 20,000.00 owed by the person) is written as the owner, as in PaymentPageTests.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ReauthenticationTests(LtcWebHost host)
{
    [Fact]
    public async Task A_large_payment_is_recorded_only_with_the_clerks_password_typed_again()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");
        var bill = await BillOwingAsync(client, 91, "大额缴费", 20_000.00m);

        var withoutPassword = await PayAsync(client, bill, "SS-2025-9101", 20_000m, password: null);
        var wrongPassword = await PayAsync(client, bill, "SS-2025-9101", 20_000m, password: "Wrong@password1");

        Assert.Contains("请再次输入您的登录密码", RegisterFiles.TestIdText(withoutPassword, "payment-refused"), StringComparison.Ordinal);
        Assert.Contains("密码不正确", RegisterFiles.TestIdText(wrongPassword, "payment-refused"), StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong@password1", wrongPassword, StringComparison.Ordinal);
        Assert.Equal(0L, await PaymentsAsync(bill));

        var confirmed = await PayAsync(client, bill, "SS-2025-9101", 20_000m, password: LtcWebHost.DemoPassword);

        Assert.Contains("已登记", RegisterFiles.TestIdText(confirmed, "payment-recorded"), StringComparison.Ordinal);
        Assert.Equal(1L, await PaymentsAsync(bill));
    }

    [Fact]
    public async Task A_payment_up_to_the_threshold_needs_no_password()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");
        var bill = await BillOwingAsync(client, 93, "限额缴费", 10_000.00m);

        var html = await PayAsync(client, bill, "SS-2025-9301", 10_000m, password: null);

        Assert.Contains("已登记", RegisterFiles.TestIdText(html, "payment-recorded"), StringComparison.Ordinal);
        Assert.Equal(1L, await PaymentsAsync(bill));
    }

    private Task<long> PaymentsAsync(Guid bill) =>
        host.QueryAsOwnerAsync<long>("select count(*) from contribution_payments where bill_id = @b", ("b", bill));

    private async Task<Guid> BillOwingAsync(HttpClient client, int sequence, string name, decimal individual)
    {
        await RegisterFiles.UploadAsync(client, $"shishi-{sequence}.csv", RegisterFiles.Csv(RegisterFiles.Row("350581", 1926, sequence, name)));
        var person = await host.QueryAsOwnerAsync<Guid>("select id from insured_people where tenant_id = 'shishi' and name = @n", ("n", name));
        return await host.QueryAsOwnerAsync<Guid>(
            "with bill as (insert into contribution_bills (tenant_id, id, period, person_id, scheme, region_code, total, individual_due, trace, created_at) " +
            "values ('shishi', gen_random_uuid(), '2025', @p, 'special_groups', '350581', @total, @individual, '{}', now()) returning id), " +
            "lines as (insert into contribution_bill_lines (tenant_id, bill_id, payer, amount) " +
            "select 'shishi', id, payer, amount from bill, (values ('individual', @individual), ('fiscal', 368.00)) as l(payer, amount)) " +
            "select id from bill",
            ("p", person), ("total", individual + 368.00m), ("individual", individual));
    }

    private static async Task<string> PayAsync(HttpClient client, Guid bill, string reference, decimal amount, string? password)
    {
        var url = $"/billing/bills/{bill}/payment";
        var page = await client.GetStringAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "billing-payment",
            ["Input.Reference"] = reference,
            ["Input.Amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["Input.PaidOn"] = "2027-02-01",
        };
        if (password is not null)
            fields["Input.Password"] = password;
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
