namespace LtcInsurance.Application.Accounts;

/// <summary>
/// Signing in and out of the web app (Infrastructure implements it over ASP.NET Identity: password check, lockout
/// after repeated failures, the protected sign-in cookie of the current HTTP request).
/// </summary>
public interface ISignInService
{
    /// <summary>Checks the password (a failure counts towards lockout) and, when right, issues the sign-in cookie.</summary>
    Task<SignInOutcome> PasswordSignInAsync(string userName, string password, CancellationToken cancellationToken = default);

    Task SignOutAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Issues the sign-in cookie of user <paramref name="userId"/> again, carrying <paramref name="tenantId"/> as the
    /// tenant they act in (<see cref="AccountClaimTypes.ActingTenant"/>; none when null). False: no such user.
    /// </summary>
    Task<bool> ActAsTenantAsync(string userId, string? tenantId, CancellationToken cancellationToken = default);
}

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>Too many wrong passwords: the account is locked for a while, even against the right one.</summary>
    LockedOut,

    /// <summary>Unknown user or wrong password (which of the two is not told).</summary>
    Failed,
}
