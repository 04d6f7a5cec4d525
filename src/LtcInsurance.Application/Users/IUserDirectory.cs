using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Users;

/// <summary>
/// The users who sign in (ASP.NET Identity's tables, platform-wide: no row-level security), as the admin pages and the
/// account use cases read them. Infrastructure implements it.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The user with id <paramref name="userId"/> (as in <see cref="CurrentUser.UserId"/>), or null.</summary>
    Task<UserListItem?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The users of <paramref name="tenantId"/> (null: every user), by tenant then user name, with their roles.</summary>
    Task<IReadOnlyList<UserListItem>> ListAsync(string? tenantId, CancellationToken cancellationToken = default);
}

/// <summary>A user as the admin pages list them. <paramref name="TenantId"/> is null for a platform admin.</summary>
public sealed record UserListItem(
    string Id,
    string UserName,
    string DisplayName,
    string? TenantId,
    DateTimeOffset? LockoutEnd,
    IReadOnlyList<string> Roles);
