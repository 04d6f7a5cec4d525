namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// The basic medical insurance a person is enrolled in; long-term care insurance follows it
/// (each city decides which of the two it covers).
/// </summary>
public enum MedicalInsuranceScheme
{
    /// <summary>职工基本医疗保险.</summary>
    Employee,

    /// <summary>城乡居民基本医疗保险.</summary>
    Resident,
}
