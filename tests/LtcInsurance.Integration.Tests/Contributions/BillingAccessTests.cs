using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions.GetBillForPayment;
using LtcInsurance.Application.Contributions.GetBillingTotals;
using LtcInsurance.Application.Contributions.ListArrears;
using LtcInsurance.Application.Contributions.ListBills;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>Who may bill and collect (clerks and admins, as the billing pages), and what the requests refuse before any work.</summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class BillingAccessTests(RegisterDatabase database)
{
    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Institution)]
    [InlineData(Roles.Assessor)]
    public async Task Only_clerks_and_admins_bill_and_collect(string role)
    {
        await using var host = database.Host(TenantIds.Jining, role);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.Send(new RunBillingCommand("2026")));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.Send(new GetBillingTotalsQuery("2026")));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.Send(new ListBillsQuery("2026", null, 0, 20)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.Send(new ListArrearsQuery(null, 0, 20)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.Send(new GetBillForPaymentQuery(new BillId(Guid.NewGuid()))));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            host.Send(new RecordPaymentCommand(new BillId(Guid.NewGuid()), "R-1", 1m, new DateOnly(2026, 1, 1))));
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Admin)]
    public async Task Clerks_and_admins_may_read_the_totals(string role)
    {
        await using var host = database.Host(TenantIds.Jining, role);

        var totals = await host.Send(new GetBillingTotalsQuery("1999"));

        Assert.Equal((0, 0m), (totals.Bills, totals.Total));
    }

    [Fact]
    public async Task Requests_out_of_shape_are_refused_in_Chinese_with_every_problem_at_once()
    {
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);

        var run = await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new RunBillingCommand(" ")));
        var list = await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new ListBillsQuery("2026", "3708110", -1, 0)));
        var arrears = await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new ListArrearsQuery(null, 0, 1001)));
        var payment = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new RecordPaymentCommand(new BillId(Guid.Empty), new string('R', 65), 1m, default)));

        Assert.Equal("请填写缴费期间", run.Message);
        Assert.Equal(3, list.Problems.Count);
        Assert.Contains("每页条数", arrears.Message, StringComparison.Ordinal);
        Assert.Equal(["缴费单不存在", "缴费凭证号为空或超过64个字符", "请填写缴费日期"], payment.Problems.Select(p => p.Message));
    }
}
