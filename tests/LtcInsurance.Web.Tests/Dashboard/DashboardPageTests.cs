using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Dashboard;

[Collection(WebCollection.Name)]
public sealed class DashboardPageTests(LtcWebHost host)
{
    [Theory]
    [InlineData("clerk.zhenjiang", "zhenjiang")]
    [InlineData("auditor.yulin", "yulin")]
    public async Task The_dashboard_counts_the_people_and_institutions_of_the_users_city(string userName, string tenant)
    {
        var people = await host.QueryAsOwnerAsync<long>($"select count(*) from insured_people where tenant_id = '{tenant}'");
        var institutions = await host.QueryAsOwnerAsync<long>($"select count(*) from institutions where tenant_id = '{tenant}'");
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);

        var html = await client.GetStringAsync("/");

        // Prerendered (the figures are read once and handed to the circuit as persisted state).
        Assert.Matches($"data-testid=\"count-people\"[^>]*>{people:N0}<", html);
        Assert.Matches($"data-testid=\"count-institutions\"[^>]*>{institutions:N0}<", html);
    }
}
