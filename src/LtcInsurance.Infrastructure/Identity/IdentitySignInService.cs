using System.Security.Claims;
using LtcInsurance.Application.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary>
/// <see cref="ISignInService"/> over ASP.NET Identity's sign-in manager (the current HTTP request's cookie), with the
/// failure counting of <see cref="SignInFailures"/> (in the database, shared by all nodes): Identity's own lockout counter (shared by all nodes, in the
/// database) is raised once per client address and name in a window, so it counts addresses, not attempts.
/// </summary>
internal sealed class IdentitySignInService(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    IHttpContextAccessor http,
    SignInFailures failures,
    IOptions<IdentityOptions> identityOptions) : ISignInService
{
    // A hash of a random password, checked for unknown user names so that they take as long as a wrong password.
    private static string? dummyHash;

    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var address = ClientAddress.Key(http.HttpContext?.Connection.RemoteIpAddress);
        if (await failures.IsBlockedAsync(userName, address, cancellationToken))
        {
            CheckDummy(password);
            return SignInOutcome.LockedOut;
        }

        var user = await users.FindByNameAsync(userName);
        // A deactivated user is answered like an unknown one: same work, same failure counting, no session.
        if (user is null || user.DeactivatedAt is not null)
        {
            CheckDummy(password);
            await failures.RecordAsync(userName, address, cancellationToken);
            return await failures.IsBlockedAsync(userName, address, cancellationToken) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await failures.ForgetAsync(userName, address, cancellationToken);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
            return SignInOutcome.SignedIn;
        }
        if (result.IsLockedOut)
            return SignInOutcome.LockedOut;

        if (await failures.RecordAsync(userName, address, cancellationToken))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
                return SignInOutcome.LockedOut;
        }
        return await failures.IsBlockedAsync(userName, address, cancellationToken) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    public async Task SignOutAsync(CancellationToken cancellationToken = default)
    {
        // A new stamp: the session check (LtcIdentityServiceCollectionExtensions) refuses every cookie carrying the old one.
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } principal && await users.GetUserAsync(principal) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }

    public async Task<bool> CheckPasswordAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { DeactivatedAt: null } user)
        {
            CheckDummy(password);
            return false;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded;
    }

    public async Task<PasswordChangeOutcome> ChangePasswordAsync(string userId, string currentPassword, string newPassword,
        CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { DeactivatedAt: null } user)
        {
            CheckDummy(currentPassword);
            return PasswordChangeOutcome.Refused("用户不存在或已停用。");
        }
        var check = await signIn.CheckPasswordSignInAsync(user, currentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
            return PasswordChangeOutcome.Refused("登录失败次数过多，账户已锁定，请稍后再试或联系管理员。");
        if (!check.Succeeded)
            return PasswordChangeOutcome.Refused("当前密码不正确。");

        var wasOneTime = user.MustChangePassword;
        user.MustChangePassword = false; // saved by the change below, in the same UPDATE as the new hash and stamp
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = wasOneTime;
            return PasswordChangeOutcome.Refused(string.Join(" ", result.Errors.Select(e => PasswordRules.Describe(e.Code)).Distinct()));
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
        return PasswordChangeOutcome.Done;
    }

    public async Task<bool> ActAsTenantAsync(string userId, string? tenantId, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { DeactivatedAt: null } user)
            return false;
        List<Claim> extra = tenantId is null ? [] : [new Claim(AccountClaimTypes.ActingTenant, tenantId)];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, extra);
        return true;
    }

    private void CheckDummy(string password)
    {
        var dummy = new AppUser();
        dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(dummy, dummyHash, password);
    }

    public Task<bool> IsSessionCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        LtcIdentityServiceCollectionExtensions.IsSessionCurrentAsync(users, identityOptions.Value, principal);
}
