using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>A designated care provider (定点护理服务机构) admitted to a scheme by agreement.</summary>
public sealed class Institution : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The scheme's agreement code; institution API users carry it as their provider code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The modes the institution is admitted for: codes of <see cref="ServiceMode"/> (<c>institution</c>, <c>home</c>, …).</summary>
    public string[] ServiceModes { get; set; } = [];

    /// <summary>医疗机构级别 1-3 for hospitals and clinics; null for care homes that are not medical institutions.</summary>
    public int? MedicalInstitutionLevel { get; set; }

    public required string RegionCode { get; set; }

    public InstitutionStatus Status { get; set; } = InstitutionStatus.Active;
}

public enum InstitutionStatus
{
    Active,
    Suspended,
    Terminated,
}
