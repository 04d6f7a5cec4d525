using LtcInsurance.Application.Tenancy;
using LtcInsurance.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>The application's one DbContext: identity (platform tables) plus tenant-owned tables.</summary>
public class LtcDbContext(DbContextOptions<LtcDbContext> options, ICurrentTenant currentTenant)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    /// <summary>The tenant whose rows the global query filters let through.</summary>
    public string? CurrentTenantId => currentTenant.TenantId;
}
