using System.Security.Claims;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Web.Security;

namespace LtcInsurance.Web.Tenancy;

/// <summary>
/// The tenant of the signed-in user, from the protected sign-in cookie. A platform admin (no tenant of
/// their own) acts in the tenant they chose; that choice is honoured for nobody else, so a tenant user
/// can never widen their reach by carrying the acting-tenant claim.
/// </summary>
public sealed class HttpCurrentTenant(IHttpContextAccessor httpContextAccessor) : ICurrentTenant
{
    public string? TenantId => Resolve(httpContextAccessor.HttpContext?.User);

    public static string? Resolve(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return null;
        var own = user.FindFirstValue(LtcClaimTypes.Tenant);
        if (!string.IsNullOrEmpty(own))
            return own;
        return user.IsInRole(Roles.Admin) ? user.FindFirstValue(LtcClaimTypes.ActingTenant) : null;
    }

    /// <summary>A platform admin: the admin role and no tenant of their own.</summary>
    public static bool IsPlatformAdmin(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && user.IsInRole(Roles.Admin)
        && string.IsNullOrEmpty(user.FindFirstValue(LtcClaimTypes.Tenant));
}
