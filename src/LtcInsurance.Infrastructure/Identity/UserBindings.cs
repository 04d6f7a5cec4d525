using LtcInsurance.Application.Common.Security;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary><see cref="IUserBindings"/> over Identity's user and role tables (platform tables, read through the caller's context).</summary>
internal sealed class UserBindings(LtcDbContext db) : IUserBindings
{
    public async Task<UserBinding?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
            return null;
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == user.Id
                           select role.Name ?? "")
            .ToListAsync(cancellationToken);
        return new UserBinding(user.UserName ?? "", user.TenantId, [.. roles.Order(StringComparer.Ordinal)], user.ProviderCode, user.AgencyCode,
            user.DeactivatedAt is not null);
    }
}
