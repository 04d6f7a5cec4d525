using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Application.Tenants;

/// <summary>
/// Writes a new tenant in one transaction, acting for that tenant (row-level security admits its chart and nothing
/// else): the tenant row, its chart of accounts and its first admin user. Infrastructure implements it; the platform
/// tables (tenants, users) and the tenant's first rows cannot be written through one tenant-scoped context otherwise.
/// </summary>
public interface ITenantProvisioning
{
    /// <summary>
    /// Writes <paramref name="tenant"/>, <paramref name="chart"/> and <paramref name="admin"/>; false (nothing written)
    /// when a tenant of that id already exists.
    /// </summary>
    Task<bool> ProvisionAsync(Tenant tenant, IReadOnlyList<Account> chart, NewTenantAdmin admin, CancellationToken cancellationToken = default);
}

/// <summary>The first admin of a new tenant: user name, display name and the one-time password (hashed when stored).</summary>
public sealed record NewTenantAdmin(string UserName, string DisplayName, string Password);
