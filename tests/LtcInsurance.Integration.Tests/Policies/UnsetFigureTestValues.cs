using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Integration.Tests.Policies;

/// <summary>
/// TEST VALUES for figures the documents leave unset (issue 10 item 3), set and approved by two test admins through the
/// parameter store so billing, enrolment and import tests of Yulin and Jining can run: Yulin's collection and payment
/// dates (YL 五: 另行下文通知) and Jining's in-force date (the notice names only the year 2022).
/// </summary>
internal static class UnsetFigureTestValues
{
    public static async Task SetAsync(string appConnectionString, params string[] tenants)
    {
        foreach (var tenant in tenants)
        {
            var admins = new ParameterAdmins(appConnectionString, tenant);
            if (tenant == TenantIds.Yulin)
            {
                await admins.SetAsync("collectionStart", "2027-01-01", new DateOnly(2027, 1, 1));
                await admins.SetAsync("benefitPaymentStart", "2027-01-01", new DateOnly(2027, 1, 1));
            }
            else if (tenant == TenantIds.Jining)
            {
                await admins.SetAsync("schemeStart", "2022-01-01", new DateOnly(2022, 1, 1));
            }
        }
    }
}
