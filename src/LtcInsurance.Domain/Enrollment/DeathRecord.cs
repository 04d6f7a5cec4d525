using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// A registered death (死亡登记). Insurance ends on the date of death: no bill for a later period and no benefit after it.
/// Kept as its own record so the register row stays what the medical insurance register says.
/// </summary>
public sealed class DeathRecord : ITenantOwned
{
    public required string TenantId { get; init; }

    public required Guid PersonId { get; init; }

    public DateOnly DateOfDeath { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
