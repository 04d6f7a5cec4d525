using System.Security.Claims;
using LtcInsurance.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary>
/// Puts the user's tenant into the cookie, so that every request knows its tenant without a database
/// round trip; the cookie is protected by data protection, so the claim cannot be forged by the browser.
/// </summary>
internal sealed class LtcClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.TenantId))
            identity.AddClaim(new Claim(AccountClaimTypes.Tenant, user.TenantId));
        if (!string.IsNullOrEmpty(user.DisplayName))
            identity.AddClaim(new Claim(AccountClaimTypes.DisplayName, user.DisplayName));
        if (!string.IsNullOrEmpty(user.ProviderCode))
            identity.AddClaim(new Claim(AccountClaimTypes.ProviderCode, user.ProviderCode));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(AccountClaimTypes.MustChangePassword, "true"));
        return identity;
    }
}
