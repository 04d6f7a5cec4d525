using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Domain;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Contributions;

[Collection(RegisterDatabaseCollection.Name)]
public sealed class TenantIsolationTests(RegisterDatabase database)
{
    [Fact]
    public async Task Another_tenant_sees_no_bill_or_enrollment_even_without_the_query_filter()
    {
        Guid billId;
        await using (var shishi = database.App(TenantIds.Shishi))
        {
            var person = await RegisterDatabase.AddPersonAsync(shishi, "石隔", "350581", new DateOnly(1944, 4, 4), statuses: PersonStatus.Orphan);
            Assert.True((await database.Enrollment(shishi).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2032, 1, 1)))).Enrolled);
            await using (var billing = database.Host(TenantIds.Shishi))
                await billing.Send(new RunBillingCommand("2032"));
            billId = (await shishi.Set<ContributionBill>().SingleAsync(b => b.PersonId == person.Id)).Id;
        }

        await using var jining = database.App(TenantIds.Jining);
        // Row-level security, not only the EF filter, keeps the rows out.
        Assert.False(await jining.Set<ContributionBill>().IgnoreQueryFilters().AnyAsync(b => b.TenantId == TenantIds.Shishi));
        Assert.False(await jining.Set<EnrollmentPeriod>().IgnoreQueryFilters().AnyAsync(e => e.TenantId == TenantIds.Shishi));
        await using var payments = database.Host(TenantIds.Jining);
        var refused = await Assert.ThrowsAsync<BillingRefusedException>(() =>
            payments.Send(new RecordPaymentCommand(new BillId(billId), "JN-X-1", 1m, new DateOnly(2032, 2, 2))));
        Assert.Equal("unknown_bill", refused.Code);
    }
}
