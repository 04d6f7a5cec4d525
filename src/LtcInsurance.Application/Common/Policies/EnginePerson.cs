using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Common.Policies;

/// <summary>The register's person as the policy engine's enrolment rules see them on a day.</summary>
public static class EnginePerson
{
    public static Person Of(InsuredPerson person, IEnumerable<PersonStatusPeriod> statuses, DateOnly day) =>
        new(
            person.BirthDate,
            person.RegionCode,
            person.MedicalInsurance switch
            {
                MedicalInsuranceScheme.Employee => MedicalInsurance.Employee,
                _ => MedicalInsurance.Resident,
            },
            person.Employment switch
            {
                EmploymentStatus.Employed => Employment.Employed,
                EmploymentStatus.Retired => Employment.Retired,
                EmploymentStatus.FlexiblyEmployed => Employment.Flexible,
                _ => Employment.None,
            },
            PersonStatusCodes.ActiveOn(statuses, day));
}
