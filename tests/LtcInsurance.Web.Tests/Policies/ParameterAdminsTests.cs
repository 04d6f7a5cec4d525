using LtcInsurance.Application.Policies.ListParameterStatus;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>The web tests' <see cref="ParameterAdmins"/> sets a value the app's use cases then read (a 2095 test value no other test reads).</summary>
[Collection(WebCollection.Name)]
public sealed class ParameterAdminsTests(LtcWebHost host)
{
    [Fact]
    public async Task Two_admins_set_a_test_value_that_is_in_force_with_its_version()
    {
        var day = new DateOnly(2095, 6, 1);
        var approved = await new ParameterAdmins(host.AppConnectionString, TenantIds.Zhenjiang)
            .SetAsync("residentIndividualShare", "33.00", new DateOnly(2095, 1, 1), new DateOnly(2095, 12, 31));

        await using var clerk = OperatorUseCases.For(host.AppConnectionString, TenantIds.Zhenjiang);
        var status = (await clerk.Sender.Send(new ListParameterStatusQuery(day)))!.Parameters.Single(p => p.Name == "residentIndividualShare");
        Assert.Equal(("33.00", approved.Version), (status.Value, status.Version));
        var later = (await clerk.Sender.Send(new ListParameterStatusQuery(new DateOnly(2096, 1, 1))))!.Parameters.Single(p => p.Name == "residentIndividualShare");
        // After the test version ends, the test value no longer applies (the demo value 演示值, if seeded, does again).
        Assert.NotEqual(approved.Version, later.Version);
        Assert.True(later.Unset || later.Demo);
    }
}
