using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>A payment date outside the plausible window (a typo such as 1026 or 20226) is refused before any work.</summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class PaymentDateWindowTests(RegisterDatabase database)
{
    [Theory]
    [InlineData(1026, 1, 1)]
    [InlineData(1999, 12, 31)]
    [InlineData(9999, 12, 31)]
    public async Task A_payment_date_before_2000_or_more_than_ten_years_ahead_is_refused_in_Chinese(int year, int month, int day)
    {
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new RecordPaymentCommand(new BillId(Guid.NewGuid()), "R-1", 1m, new DateOnly(year, month, day))));

        Assert.Equal(PlausibleDates.BusinessDateMessage("缴费日期"), Assert.Single(refused.Problems).Message);
    }
}
