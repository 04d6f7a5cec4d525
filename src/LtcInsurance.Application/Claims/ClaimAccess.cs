using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims;

/// <summary>
/// An institution user acts only for its own provider (<see cref="CurrentUser.ProviderCode"/>): it claims, withdraws and
/// reads only its own claims and statements. Clerks, admins and auditors see the tenant's.
/// </summary>
internal static class ClaimAccess
{
    /// <summary>The provider code the caller is confined to, or null when the caller sees every provider.</summary>
    public static string? OwnProvider(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Auditor))
            return null;
        return string.IsNullOrWhiteSpace(user.ProviderCode)
            ? throw new ForbiddenAccessException("当前护理机构用户未绑定定点护理服务机构")
            : user.ProviderCode.Trim();
    }

    public static void CheckProvider(CurrentUser user, string providerCode)
    {
        var own = OwnProvider(user);
        if (own is not null && !string.Equals(own, providerCode.Trim(), StringComparison.Ordinal))
            throw new ForbiddenAccessException("护理机构只能办理本机构的结算申报");
    }
}
