using System.Net;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>What is still HTTP about the calculator page: who may open it, and the first (prerendered) answer.</summary>
[Collection(WebCollection.Name)]
public sealed class PolicyPageTests(LtcWebHost host)
{
    [Theory]
    [InlineData("clerk")]
    [InlineData("institution")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task Every_role_of_a_city_can_open_the_policy_calculator(string role)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, role + ".yulin");

        using var response = await client.GetAsync("/policies");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("玉林市长期护理保险", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"policy-start\">2027-01-01<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_htmx_fragment_endpoint_is_gone()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        using var response = await client.PostAsync("/policies/calculate", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Platform_admin_without_a_chosen_tenant_is_asked_to_choose_one()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "admin");

        using var response = await client.GetAsync("/policies");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"policy-no-tenant\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"policy-tabs\"", html, StringComparison.Ordinal);
    }
}
