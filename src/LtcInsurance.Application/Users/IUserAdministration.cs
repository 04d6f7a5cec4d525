namespace LtcInsurance.Application.Users;

/// <summary>
/// What the user-administration use cases need of the user store (ASP.NET Identity's platform tables) and of the
/// append-only <c>user_admin_actions</c> history (a tenant table under row-level security). Infrastructure implements
/// it; every change and its history row are written in one transaction acting for the user's own city, so a history
/// row can never be written for, or read from, another city.
/// </summary>
public interface IUserAdministration
{
    /// <summary>The user with id <paramref name="userId"/>, or null.</summary>
    Task<UserAccount?> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>One page of the users that match <paramref name="search"/>, by user name.</summary>
    Task<UserPage> SearchAsync(UserSearch search, CancellationToken cancellationToken = default);

    /// <summary>Whether any user (of any city) has this user name, compared case-insensitively.</summary>
    Task<bool> UserNameExistsAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>The designated (active) care institutions of <paramref name="tenantId"/> a user may be bound to.</summary>
    Task<IReadOnlyList<BindableInstitution>> InstitutionsAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> and writes its history row in one transaction acting for
    /// <see cref="UserChange.TenantId"/>. Changes that end sessions give the user a new security stamp. When
    /// <see cref="UserChange.ProtectLastAdmin"/> is set and the user is the city's last active admin, nothing is written.
    /// </summary>
    Task<UserChangeOutcome> ApplyAsync(UserChange change, CancellationToken cancellationToken = default);

    /// <summary>The history of one user of <paramref name="tenantId"/>, newest first.</summary>
    Task<IReadOnlyList<UserAdminActionItem>> HistoryAsync(string tenantId, string userId, CancellationToken cancellationToken = default);
}

/// <summary>A user's standing: may sign in, locked by an admin (or by failed sign-ins), or deactivated for good.</summary>
public enum UserStatus
{
    Active,
    Locked,
    Deactivated,
}

/// <summary>A user as the administration pages show them.</summary>
public sealed record UserAccount(
    string Id,
    string UserName,
    string DisplayName,
    string? TenantId,
    IReadOnlyList<string> Roles,
    string? InstitutionCode,
    string? AgencyCode,
    DateTimeOffset? LockoutEnd,
    DateTimeOffset? DeactivatedAt)
{
    public UserStatus StatusAt(DateTimeOffset now) =>
        DeactivatedAt is not null ? UserStatus.Deactivated
        : LockoutEnd is { } end && end > now ? UserStatus.Locked
        : UserStatus.Active;

    /// <summary>The one role a user administered here has (the first, when older data gave several).</summary>
    public string? Role => Roles.Count > 0 ? Roles[0] : null;
}

/// <summary>A search over users: <paramref name="TenantId"/> null means every city (platform admins only).</summary>
public sealed record UserSearch(
    string? TenantId, string? Text, string? Role, UserStatus? Status, DateTimeOffset Now, int Page, int PageSize);

public sealed record UserPage(IReadOnlyList<UserAccount> Items, int Total);

public sealed record BindableInstitution(string Code, string Name);

/// <summary>What an admin did to a user (stored as text; keep the names stable).</summary>
public static class UserActions
{
    public const string Create = "create";
    public const string ResetPassword = "reset_password";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string Deactivate = "deactivate";
    public const string ChangeRole = "change_role";

    public static readonly IReadOnlyList<string> All = [Create, ResetPassword, Lock, Unlock, Deactivate, ChangeRole];

    /// <summary>The actions after which the user's open sessions end (a new security stamp).</summary>
    public static bool EndsSessions(string action) => action is ResetPassword or Lock or Deactivate or ChangeRole;
}

/// <summary>
/// One change to one user, with the history row it writes (<paramref name="Detail"/>, in Chinese). For
/// <see cref="UserActions.Create"/> the new user's fields are given; <paramref name="Password"/> is stored only hashed.
/// </summary>
public sealed record UserChange(
    string Action,
    string TenantId,
    string UserId,
    string UserName,
    string Actor,
    DateTimeOffset At,
    string Detail,
    bool ProtectLastAdmin = false,
    string? DisplayName = null,
    string? Role = null,
    string? InstitutionCode = null,
    string? AgencyCode = null,
    string? Password = null);

public enum UserChangeOutcome
{
    Done,
    NotFound,
    UserNameTaken,
    LastAdmin,
}

/// <summary>One recorded administration action on a user.</summary>
public sealed record UserAdminActionItem(string Action, string Detail, string ActedBy, DateTimeOffset ActedAt);

/// <summary>
/// The outcome of a user-administration command: done (with the user's id, and a one-time password shown once when one
/// was set) or refused with a Chinese message, nothing changed.
/// </summary>
public sealed record UserCommandResult(bool Done, string? UserId = null, string? Refusal = null, string? OneTimePassword = null)
{
    public static UserCommandResult Refused(string message) => new(false, null, message);
}
