using LtcInsurance.Domain.Tenants;
namespace LtcInsurance.Domain.Tenants;

/// <summary>A city scheme using the platform. Platform table: not itself tenant-owned, not under row-level security.</summary>
public sealed class Tenant
{
    /// <summary>Stable identifier, one of <c>TenantIds</c> for the first five (e.g. "yulin").</summary>
    public required string Id { get; init; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    /// <summary>Administrative division codes the scheme covers (city code first, then districts and counties).</summary>
    public string[] RegionCodes { get; set; } = [];

    /// <summary>The day the scheme's implementing document takes effect.</summary>
    public DateOnly SchemeStart { get; set; }

    /// <summary>Who opened the tenant from its city module (<c>ltc tenant add</c> or the platform admin's page); null for seeded tenants.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>When the tenant was opened; null for seeded tenants.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}
