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

    /// <summary>Values from <see cref="CareServiceModes"/>.</summary>
    public string[] ServiceModes { get; set; } = [];

    /// <summary>医疗机构级别 1-3 for hospitals and clinics; null for care homes that are not medical institutions.</summary>
    public int? MedicalInstitutionLevel { get; set; }

    public required string RegionCode { get; set; }

    public InstitutionStatus Status { get; set; } = InstitutionStatus.Active;
}

/// <summary>The ways care is delivered; benefit rules differ by mode.</summary>
public static class CareServiceModes
{
    /// <summary>机构护理: the insured lives in the institution.</summary>
    public const string Institutional = "institutional";

    /// <summary>居家上门护理: staff of the institution visit the home.</summary>
    public const string HomeVisit = "home_visit";

    /// <summary>医疗专护: care in a hospital ward.</summary>
    public const string MedicalWard = "medical_ward";

    public static readonly IReadOnlyList<string> All = [Institutional, HomeVisit, MedicalWard];
}

public enum InstitutionStatus
{
    Active,
    Suspended,
    Terminated,
}
