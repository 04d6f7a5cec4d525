using LtcInsurance.Application.Users;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary><see cref="IUserDirectory"/> over Identity's user and role tables.</summary>
internal sealed class UserDirectory(LtcDbContext db) : IUserDirectory
{
    public async Task<UserListItem?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Guid.TryParse(userId, out var id)
            ? (await ListAsync(db.Users.AsNoTracking().Where(u => u.Id == id), cancellationToken)).SingleOrDefault()
            : null;

    public Task<IReadOnlyList<UserListItem>> ListAsync(string? tenantId, CancellationToken cancellationToken = default) =>
        ListAsync(db.Users.AsNoTracking()
            .Where(u => tenantId == null || u.TenantId == tenantId)
            .OrderBy(u => u.TenantId).ThenBy(u => u.UserName), cancellationToken);

    private async Task<IReadOnlyList<UserListItem>> ListAsync(IQueryable<AppUser> users, CancellationToken cancellationToken)
    {
        var found = await users.ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where ids.Contains(userRole.UserId)
                            select new { userRole.UserId, role.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        return
        [
            .. found.Select(u => new UserListItem(
                u.Id.ToString(), u.UserName ?? "", u.DisplayName, u.TenantId, u.LockoutEnd,
                [.. roles[u.Id].Order(StringComparer.Ordinal)])),
        ];
    }
}
