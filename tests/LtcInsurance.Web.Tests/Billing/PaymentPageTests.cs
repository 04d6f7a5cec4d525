using System.Net;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions.ListArrears;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// Recording a receipt: what the use case does (once, refusals in Chinese) and the page's first load. The cities whose
/// runs charge individuals either refuse (镇江, 渝中), have no entries by design (玉林 before 2027) or have books other
/// web tests measure (济宁's agency-fee year), and 石狮's fiscal pays the individual 12 yuan (SS 二(三)); so the bill, a
/// 石狮 2025 bill with the individual part still owed, is written as the owner. The form itself is tested in
/// <see cref="BillingBrowserTests"/>.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PaymentPageTests(LtcWebHost host)
{
    [Fact]
    public async Task A_receipt_is_recorded_once_and_the_arrears_list_no_longer_shows_the_paid_bill()
    {
        var (_, bill) = await BillingData.BillOwingAsync(host, 61, "缴费甲", 12m);
        await using var shishi = OperatorUseCases.For(BillingData.AppConnection(host), "shishi");
        Assert.Contains(await ArrearsAsync(shishi), a => a.BillId.Value == bill);

        var first = await shishi.Sender.Send(new RecordPaymentCommand(new BillId(bill), "SS-2025-0001", 12m, new DateOnly(2027, 2, 1)));
        var again = await shishi.Sender.Send(new RecordPaymentCommand(new BillId(bill), "SS-2025-0001", 12m, new DateOnly(2027, 2, 1)));

        Assert.False(first.AlreadyRecorded);
        Assert.True(again.AlreadyRecorded);
        Assert.Equal(0m, again.Outstanding);
        Assert.Equal(1L, await BillingData.PaymentsAsync(host, bill));
        Assert.DoesNotContain(await ArrearsAsync(shishi), a => a.BillId.Value == bill);
    }

    [Fact]
    public async Task Paying_more_than_is_outstanding_or_a_fraction_of_a_cent_is_refused_in_Chinese()
    {
        var (_, bill) = await BillingData.BillOwingAsync(host, 71, "多缴乙", 12m);
        await using var shishi = OperatorUseCases.For(BillingData.AppConnection(host), "shishi");

        var tooMuch = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            shishi.Sender.Send(new RecordPaymentCommand(new BillId(bill), "SS-2025-0099", 12.01m, new DateOnly(2027, 2, 1))));
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            shishi.Sender.Send(new RecordPaymentCommand(new BillId(bill), "   ", 0.001m, new DateOnly(2027, 2, 1))));

        Assert.Contains("超过未缴金额", tooMuch.Message, StringComparison.Ordinal);
        Assert.Equal(["缴费凭证号为空或超过64个字符", "缴费金额最多两位小数"], invalid.Problems.Select(p => p.Message));
        Assert.Equal(0L, await BillingData.PaymentsAsync(host, bill));
    }

    [Fact]
    public async Task Another_citys_bill_or_no_bill_is_not_found_on_first_load()
    {
        var (_, bill) = await BillingData.BillOwingAsync(host, 62, "缴费他市", 12m);
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.jining");

        using var other = await client.GetAsync($"/billing/bills/{bill}/payment");
        using var none = await client.GetAsync($"/billing/bills/{Guid.NewGuid()}/payment");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.DoesNotContain("缴费他市", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Arrear>> ArrearsAsync(OperatorUseCases useCases) =>
        (await useCases.Sender.Send(new ListArrearsQuery("2025", 0, 1000))).Items;
}
