using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Tests.Enrollment;

/// <summary>Register entities built the way the application builds them (factories, not initializers).</summary>
internal static class RegisterExamples
{
    public static InsuredPerson Person(DateOnly birth, string name = "韦测试", string tenant = "yulin") =>
        InsuredPerson.Register(tenant, IdNumber.Create("450902", birth, 1), name, Sex.Female, birth, "450902",
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed, DateTimeOffset.UnixEpoch);

    /// <summary>A period of <paramref name="person"/> from <paramref name="start"/>, ended on <paramref name="end"/> unless null.</summary>
    public static EnrollmentPeriod Period(InsuredPerson person, DateOnly start, DateOnly? end,
        IEnumerable<EnrollmentPeriod>? existing = null)
    {
        var period = EnrollmentPeriod.Open(person, SchemeKinds.Employee, start, null, existing ?? [], null);
        if (end is { } last)
            period.End(last);
        return period;
    }
}
