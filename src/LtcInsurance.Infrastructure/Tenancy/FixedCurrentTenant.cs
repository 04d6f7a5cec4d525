using LtcInsurance.Application.Tenancy;

namespace LtcInsurance.Infrastructure.Tenancy;

/// <summary>A tenant chosen up front (CLI commands, jobs, tests); settable so one scope can act for one tenant at a time.</summary>
public sealed class FixedCurrentTenant(string? tenantId = null) : ICurrentTenant
{
    public string? TenantId { get; set; } = tenantId;
}
