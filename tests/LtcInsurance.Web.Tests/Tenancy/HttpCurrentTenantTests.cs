using System.Security.Claims;
using LtcInsurance.Application.Security;
using LtcInsurance.Web.Security;
using LtcInsurance.Web.Tenancy;

namespace LtcInsurance.Web.Tests.Tenancy;

public sealed class HttpCurrentTenantTests
{
    private static ClaimsPrincipal User(string role, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(
            claims.Select(c => new Claim(c.Type, c.Value)).Append(new Claim(ClaimTypes.Role, role)),
            authenticationType: "test"));

    [Fact]
    public void A_tenant_user_acts_in_their_own_tenant()
    {
        var clerk = User(Roles.Clerk, (LtcClaimTypes.Tenant, "zhenjiang"));

        Assert.Equal("zhenjiang", HttpCurrentTenant.Resolve(clerk));
    }

    [Fact]
    public void A_tenant_user_cannot_switch_tenant_with_an_acting_tenant_claim()
    {
        var clerk = User(Roles.Clerk, (LtcClaimTypes.Tenant, "zhenjiang"), (LtcClaimTypes.ActingTenant, "yulin"));
        var tenantAdmin = User(Roles.Admin, (LtcClaimTypes.Tenant, "shishi"), (LtcClaimTypes.ActingTenant, "yulin"));

        Assert.Equal("zhenjiang", HttpCurrentTenant.Resolve(clerk));
        Assert.Equal("shishi", HttpCurrentTenant.Resolve(tenantAdmin));
    }

    [Fact]
    public void A_non_admin_without_tenant_acts_in_no_tenant_whatever_they_claim()
    {
        var orphan = User(Roles.Auditor, (LtcClaimTypes.ActingTenant, "yulin"));

        Assert.Null(HttpCurrentTenant.Resolve(orphan));
    }

    [Fact]
    public void A_platform_admin_acts_in_the_tenant_they_chose_or_in_none()
    {
        Assert.Equal("jining", HttpCurrentTenant.Resolve(User(Roles.Admin, (LtcClaimTypes.ActingTenant, "jining"))));
        Assert.Null(HttpCurrentTenant.Resolve(User(Roles.Admin)));
        Assert.True(HttpCurrentTenant.IsPlatformAdmin(User(Roles.Admin)));
    }

    [Fact]
    public void Nobody_signed_in_means_no_tenant()
    {
        Assert.Null(HttpCurrentTenant.Resolve(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(HttpCurrentTenant.Resolve(null));
    }
}
