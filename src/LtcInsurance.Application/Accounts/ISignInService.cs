namespace LtcInsurance.Application.Accounts;

/// <summary>
/// Signing in and out of the web app (Infrastructure implements it over ASP.NET Identity: password check, lockout
/// after repeated failures, the protected sign-in cookie of the current HTTP request).
/// </summary>
public interface ISignInService
{
    /// <summary>
    /// Checks the password and, when right, issues the sign-in cookie. Unknown user names and wrong passwords answer
    /// alike and take about as long (a dummy hash is checked). Failures are counted per client address and user name
    /// (five lock that address out of that name for a while) and towards the account's lockout once per address only,
    /// so that one client cannot lock somebody else out (docs/security.md).
    /// </summary>
    Task<SignInOutcome> PasswordSignInAsync(string userName, string password, CancellationToken cancellationToken = default);

    /// <summary>Ends the session: the user's security stamp changes, so every copy of their sign-in cookie stops working.</summary>
    Task SignOutAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="password"/> is user <paramref name="userId"/>'s (re-authentication); a wrong one counts towards lockout.</summary>
    Task<bool> CheckPasswordAsync(string userId, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces user <paramref name="userId"/>'s password after checking the current one (a wrong one counts towards
    /// lockout) and the password rules; clears the one-time-password mark, ends every other session and signs this
    /// browser in again. The refusal says in Chinese what to change.
    /// </summary>
    Task<PasswordChangeOutcome> ChangePasswordAsync(string userId, string currentPassword, string newPassword,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Issues the sign-in cookie of user <paramref name="userId"/> again, carrying <paramref name="tenantId"/> as the
    /// tenant they act in (<see cref="AccountClaimTypes.ActingTenant"/>; none when null). False: no such user.
    /// </summary>
    Task<bool> ActAsTenantAsync(string userId, string? tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the session <paramref name="principal"/> stands for is still current: the user exists and has not signed
    /// out, changed password or role since (security stamp). An interactive circuit asks this every minute.
    /// </summary>
    Task<bool> IsSessionCurrentAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken = default);
}

/// <summary>How a password change ended: changed, or refused with the reason in Chinese.</summary>
public sealed record PasswordChangeOutcome(bool Changed, string? Refusal)
{
    public static PasswordChangeOutcome Done { get; } = new(true, null);

    public static PasswordChangeOutcome Refused(string reason) => new(false, reason);
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
