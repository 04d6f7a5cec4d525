using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary>
/// <see cref="IUserAdministration"/> over Identity's tables (platform tables, read through the caller's context) and
/// <c>user_admin_actions</c>. Changes, and reads of a city's history and institutions, go through a context of their own
/// acting for the user's city as the application role, so row-level security admits that city's rows only. A change is
/// one transaction: an advisory lock per city serialises changes that could remove the city's last active admin.
/// </summary>
internal sealed class UserAdministration(LtcDbContext db, LtcDatabaseEndpoint endpoint) : IUserAdministration
{
    /// <summary>The lockout end an admin's lock sets: until an admin unlocks.</summary>
    public static readonly DateTimeOffset LockedByAdmin = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<UserAccount?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(userId, out var id))
            return null;
        return (await AccountsAsync(db, db.Users.AsNoTracking().Where(u => u.Id == id), cancellationToken)).SingleOrDefault();
    }

    public async Task<UserPage> SearchAsync(UserSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var users = db.Users.AsNoTracking().Where(u => u.TenantId != null);
        if (search.TenantId is { } tenant)
            users = users.Where(u => u.TenantId == tenant);
        if (search.Text is { Length: > 0 } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            users = users.Where(u => EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }
        if (search.Role is { } role)
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        var now = search.Now;
        users = search.Status switch
        {
            UserStatus.Deactivated => users.Where(u => u.DeactivatedAt != null),
            UserStatus.Locked => users.Where(u => u.DeactivatedAt == null && u.LockoutEnd != null && u.LockoutEnd > now),
            UserStatus.Active => users.Where(u => u.DeactivatedAt == null && (u.LockoutEnd == null || u.LockoutEnd <= now)),
            _ => users,
        };
        var total = await users.CountAsync(cancellationToken);
        var page = users.OrderBy(u => u.TenantId).ThenBy(u => u.UserName).Skip(search.Page * search.PageSize).Take(search.PageSize);
        return new UserPage(await AccountsAsync(db, page, cancellationToken), total);
    }

    public Task<bool> UserNameExistsAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        return db.Users.AsNoTracking().AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    public async Task<IReadOnlyList<BindableInstitution>> InstitutionsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var city = ActingFor(tenantId);
        return await city.Institutions.AsNoTracking()
            .Where(i => i.Status == InstitutionStatus.Active)
            .OrderBy(i => i.Code)
            .Select(i => new BindableInstitution(i.Code, i.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserAdminActionItem>> HistoryAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(userId, out var id))
            return [];
        await using var city = ActingFor(tenantId);
        return await city.Set<UserAdminActionRecord>().AsNoTracking()
            .Where(a => a.UserId == id)
            .OrderByDescending(a => a.ActedAt).ThenByDescending(a => a.Id)
            .Select(a => new UserAdminActionItem(a.Action, a.Detail, a.ActedBy, a.ActedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<UserChangeOutcome> ApplyAsync(UserChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Guid.TryParse(change.UserId, out var userId))
            return UserChangeOutcome.NotFound;
        await using var city = ActingFor(change.TenantId);
        await using var transaction = await city.Database.BeginTransactionAsync(cancellationToken);
        var lockKey = "user_admin:" + change.TenantId;
        await city.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockKey}))", cancellationToken);

        AppUser? user;
        if (change.Action == UserActions.Create)
        {
            var normalized = change.UserName.ToUpperInvariant();
            if (await city.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
                return UserChangeOutcome.UserNameTaken;
            user = new AppUser
            {
                Id = userId,
                UserName = change.UserName,
                NormalizedUserName = normalized,
                TenantId = change.TenantId,
                DisplayName = change.DisplayName ?? change.UserName,
                SecurityStamp = NewStamp(),
                LockoutEnabled = true,
            };
            city.Users.Add(user);
        }
        else
        {
            user = await city.Users.SingleOrDefaultAsync(u => u.Id == userId && u.TenantId == change.TenantId, cancellationToken);
            if (user is null)
                return UserChangeOutcome.NotFound;
        }

        if (change.ProtectLastAdmin && await IsLastActiveAdminAsync(city, user, change.At, cancellationToken))
            return UserChangeOutcome.LastAdmin;

        switch (change.Action)
        {
            case UserActions.Create:
            case UserActions.ChangeRole:
                await SetRoleAsync(city, user, change.Role!, cancellationToken);
                user.ProviderCode = change.Role == Roles.Institution ? change.InstitutionCode : null;
                user.AgencyCode = change.Role == Roles.Assessor ? change.AgencyCode : null;
                break;
            case UserActions.Lock:
                user.LockoutEnabled = true;
                user.LockoutEnd = LockedByAdmin;
                break;
            case UserActions.Unlock:
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
                var name = user.NormalizedUserName ?? "";
                await city.Set<SignInFailureCount>().Where(c => c.UserName == name).ExecuteDeleteAsync(cancellationToken);
                break;
            case UserActions.Deactivate:
                user.DeactivatedAt = change.At;
                break;
        }
        if (change.Password is { } password)
        {
            user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, password);
            user.MustChangePassword = true; // a one-time password: the user sets their own at the next sign-in
        }
        if (UserActions.EndsSessions(change.Action))
            user.SecurityStamp = NewStamp();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();

        city.Set<UserAdminActionRecord>().Add(new UserAdminActionRecord
        {
            TenantId = change.TenantId,
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            UserName = user.UserName ?? change.UserName,
            Action = change.Action,
            Detail = change.Detail.Length > 500 ? change.Detail[..500] : change.Detail,
            ActedBy = change.Actor,
            ActedAt = change.At,
        });
        try
        {
            await city.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "user_name_index" })
        {
            return UserChangeOutcome.UserNameTaken;
        }
        await transaction.CommitAsync(cancellationToken);
        return UserChangeOutcome.Done;
    }

    private LtcDbContext ActingFor(string tenantId) =>
        new(LtcDbContextOptions.ForApplication(endpoint.AppConnectionString), new FixedCurrentTenant(tenantId));

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    /// <summary>The user is an active admin of their city (not deactivated, not locked) and no other one is.</summary>
    private static async Task<bool> IsLastActiveAdminAsync(LtcDbContext city, AppUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var adminRole = await city.Roles.Where(r => r.Name == Roles.Admin).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (adminRole is not { } roleId)
            return false;
        var activeAdmins = city.Users.Where(u => u.TenantId == user.TenantId && u.DeactivatedAt == null
                                                 && (u.LockoutEnd == null || u.LockoutEnd <= now)
                                                 && city.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        if (!await activeAdmins.AnyAsync(u => u.Id == user.Id, cancellationToken))
            return false;
        return !await activeAdmins.AnyAsync(u => u.Id != user.Id, cancellationToken);
    }

    private static async Task SetRoleAsync(LtcDbContext city, AppUser user, string roleName, CancellationToken cancellationToken)
    {
        var role = await city.Roles.SingleOrDefaultAsync(r => r.Name == roleName, cancellationToken);
        if (role is null)
        {
            // A production database has no demo seeding: the first user of a role brings it.
            role = new AppRole(roleName)
            {
                Id = Guid.CreateVersion7(), NormalizedName = roleName.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            city.Roles.Add(role);
        }
        var current = await city.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(cancellationToken);
        city.UserRoles.RemoveRange(current.Where(ur => ur.RoleId != role.Id));
        if (current.All(ur => ur.RoleId != role.Id))
            city.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
    }

    private static async Task<IReadOnlyList<UserAccount>> AccountsAsync(LtcDbContext context, IQueryable<AppUser> users, CancellationToken cancellationToken)
    {
        var found = await users.ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = (await (from userRole in context.UserRoles
                            join role in context.Roles on userRole.RoleId equals role.Id
                            where ids.Contains(userRole.UserId)
                            select new { userRole.UserId, role.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        return
        [
            .. found.Select(u => new UserAccount(
                u.Id.ToString(), u.UserName ?? "", u.DisplayName, u.TenantId,
                [.. roles[u.Id].Order(StringComparer.Ordinal)], u.ProviderCode, u.AgencyCode, u.LockoutEnd, u.DeactivatedAt)),
        ];
    }
}
