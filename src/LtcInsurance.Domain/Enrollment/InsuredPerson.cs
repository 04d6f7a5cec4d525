using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>A person on a scheme's insured register (参保人员).</summary>
public sealed class InsuredPerson : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required IdNumber IdNumber { get; set; }

    public required string Name { get; set; }

    /// <summary>Recorded separately from the ID number because the register is authoritative.</summary>
    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public string? Phone { get; set; }

    /// <summary>Residential address (住址); personal data, shown in full only on the detail page.</summary>
    public string? Address { get; set; }

    /// <summary>Administrative division of residence; cities that keep regional sub-ledgers account by it.</summary>
    public required string RegionCode { get; set; }

    public MedicalInsuranceScheme MedicalInsurance { get; set; }

    public EmploymentStatus Employment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
