using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// A registered death (死亡登记). Insurance ends on the date of death: no bill for a later period and no benefit after it.
/// Kept as its own record so the register row stays what the medical insurance register says. Created with
/// <see cref="InsuredPerson.RecordDeath"/>.
/// </summary>
public sealed class DeathRecord : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private DeathRecord()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid PersonId { get; private init; }

    public DateOnly DateOfDeath { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal static DeathRecord Create(InsuredPerson person, DateOnly dateOfDeath, DateTimeOffset recordedAt) =>
        new() { TenantId = person.TenantId, PersonId = person.Id, DateOfDeath = dateOfDeath, RecordedAt = recordedAt };
}
