using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Institutions;

[Collection(WebCollection.Name)]
public sealed class InstitutionPageTests(LtcWebHost host)
{
    [Fact]
    public async Task Clerk_sees_the_institutions_of_their_city_and_none_of_another()
    {
        var own = await host.QueryAsOwnerAsync<string>("select name from institutions where tenant_id = 'shishi' order by code limit 1");
        var other = await host.QueryAsOwnerAsync<string>("select name from institutions where tenant_id = 'jining' order by code limit 1");
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.shishi");

        var html = await client.GetStringAsync("/institutions");

        Assert.Contains(own, html, StringComparison.Ordinal);
        Assert.DoesNotContain(other, html, StringComparison.Ordinal);
    }
}
