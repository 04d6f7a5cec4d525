using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Policies.Cases;

/// <summary>
/// A person as the enrolment rules see them, in the register's own vocabulary: medical insurance
/// (<see cref="MedicalInsuranceScheme"/>), employment (<see cref="EmploymentStatus"/>) and the person categories
/// in force (<see cref="PersonStatus"/> codes).
/// </summary>
public sealed record Person(
    DateOnly BirthDate,
    string RegionCode,
    MedicalInsuranceScheme MedicalInsurance,
    EmploymentStatus Employment,
    IReadOnlyList<string> Statuses)
{
    public bool Has(string status) => Statuses.Contains(status);

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }
}
