using System.Net;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Tenancy;

[Collection(WebCollection.Name)]
public sealed class TenantSwitchTests(LtcWebHost host)
{
    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string tenantId)
    {
        var page = await client.GetStringAsync("/");
        return await client.PostAsync("/account/tenant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["tenantId"] = tenantId,
            ["returnUrl"] = "/",
        }));
    }

    [Fact]
    public async Task Platform_admin_works_in_no_city_until_choosing_one()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "admin");

        var before = await client.GetStringAsync("/");
        Assert.Contains("请先在右上角选择要管理的城市", before, StringComparison.Ordinal);

        using var switched = await SwitchAsync(client, "yulin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var after = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"tenant-name\">玉林市<", after, StringComparison.Ordinal);
        // A Yulin person's record now opens (prerendered on the first request).
        var (yulinName, _) = await host.FirstPersonAsync("yulin");
        Assert.Contains(yulinName, await client.GetStringAsync($"/people/{await host.FirstPersonIdAsync("yulin")}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerk_cannot_switch_to_another_city()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.jining");

        using var response = await SwitchAsync(client, "yulin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location?.AbsolutePath);
        Assert.DoesNotContain("玉林市", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
