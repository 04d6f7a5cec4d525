using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Admin;

[Collection(WebCollection.Name)]
public sealed class TenantsAndUsersPageTests(LtcWebHost host)
{
    [Fact]
    public async Task Platform_admin_sees_the_users_of_every_city()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "admin");

        var html = await client.GetStringAsync("/admin/tenants");

        Assert.Contains("clerk.zhenjiang", html, StringComparison.Ordinal);
        Assert.Contains("clerk.yulin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citys_own_admin_sees_only_the_users_of_that_city()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "admin.zhenjiang");

        var html = await client.GetStringAsync("/admin/tenants");

        Assert.Contains("clerk.zhenjiang", html, StringComparison.Ordinal);
        Assert.DoesNotContain("clerk.yulin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("玉林市", html, StringComparison.Ordinal);
    }
}
