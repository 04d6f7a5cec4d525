using System.Security.Claims;
using LtcInsurance.Application.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary><see cref="ISignInService"/> over ASP.NET Identity's sign-in manager (the current HTTP request's cookie).</summary>
internal sealed class IdentitySignInService(SignInManager<AppUser> signIn, UserManager<AppUser> users) : ISignInService
{
    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return SignInOutcome.SignedIn;
        return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    public Task SignOutAsync(CancellationToken cancellationToken = default) => signIn.SignOutAsync();

    public async Task<bool> ActAsTenantAsync(string userId, string? tenantId, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
            return false;
        List<Claim> extra = tenantId is null ? [] : [new Claim(AccountClaimTypes.ActingTenant, tenantId)];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, extra);
        return true;
    }
}
