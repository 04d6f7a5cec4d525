namespace LtcInsurance.Application.Tenancy;

/// <summary>
/// The tenant (city scheme) the current request or command acts for. Null means no tenant:
/// tenant-owned data is then invisible (query filters and row-level security both yield nothing).
/// </summary>
public interface ICurrentTenant
{
    string? TenantId { get; }
}
