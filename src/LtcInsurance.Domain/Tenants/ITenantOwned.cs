namespace LtcInsurance.Domain.Tenants;

/// <summary>
/// Marks an entity that belongs to one tenant. Persistence puts <c>tenant_id</c> first in its primary key,
/// applies the tenant query filter and row-level security to its table.
/// </summary>
public interface ITenantOwned
{
    string TenantId { get; }
}
