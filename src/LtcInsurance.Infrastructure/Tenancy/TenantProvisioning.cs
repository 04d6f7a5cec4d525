using LtcInsurance.Application.Security;
using LtcInsurance.Application.Tenants;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Infrastructure.Tenancy;

/// <summary>
/// <see cref="ITenantProvisioning"/> over a context of its own acting for the new tenant, as the application role: one
/// SaveChanges (one transaction, <c>ltc.tenant</c> set to the new id) writes the tenant row, the chart (row-level
/// security admits the new tenant's rows only) and the admin user with the admin role. A duplicate tenant id (another
/// admin a moment earlier) rolls everything back.
/// </summary>
internal sealed class TenantProvisioning(LtcDatabaseEndpoint endpoint) : ITenantProvisioning
{
    public async Task<bool> ProvisionAsync(Tenant tenant, IReadOnlyList<Account> chart, NewTenantAdmin admin,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(admin);
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(endpoint.AppConnectionString),
            new FixedCurrentTenant(tenant.Id));
        if (await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenant.Id, cancellationToken))
            return false;

        db.Tenants.Add(tenant);
        db.Set<LedgerAccountRecord>().AddRange(chart.Select(a => a.ToRecord()));
        var roleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (roleId is null)
        {
            // A production database has no demo seeding: the first tenant admin brings the role.
            var role = new AppRole(Roles.Admin)
            {
                Id = Guid.CreateVersion7(), NormalizedName = Roles.Admin.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Roles.Add(role);
            roleId = role.Id;
        }

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = admin.UserName,
            NormalizedUserName = admin.UserName.ToUpperInvariant(),
            TenantId = tenant.Id,
            DisplayName = admin.DisplayName,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, admin.Password);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId.Value });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_tenants" })
        {
            return false;
        }
    }
}
