using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Common.Policies;

/// <summary>
/// The register's person as the policy engine's enrolment rules see them on a day. The register and the engine share
/// one vocabulary (medical insurance, employment, person categories), so nothing is translated: only the categories
/// in force on <paramref name="day"/> are picked.
/// </summary>
public static class EnginePerson
{
    public static Person Of(InsuredPerson person, IEnumerable<PersonStatusPeriod> statuses, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.BirthDate, person.RegionCode, person.MedicalInsurance, person.Employment, PersonStatusCodes.ActiveOn(statuses, day));
    }
}
