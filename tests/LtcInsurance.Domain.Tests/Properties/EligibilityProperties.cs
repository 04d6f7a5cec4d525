using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>Eligibility invariants over generated people of every tenant.</summary>
public class EligibilityProperties
{
    private const int Runs = 200;

    // each document's date of entry into force (ZJ 文末, SS 文末, JN 2022 pilot, YZ 2022-01-01, YL 五)
    private static readonly Dictionary<string, DateOnly> SchemeStart = new()
    {
        [TenantIds.Zhenjiang] = new(2023, 10, 1),
        [TenantIds.Shishi] = new(2020, 10, 1),
        [TenantIds.Jining] = new(2022, 1, 1),
        [TenantIds.Yuzhong] = new(2022, 1, 1),
        [TenantIds.Yulin] = new(2027, 1, 1),
    };

    private static readonly string[] Regions =
        ["321102", "321182", "321183", "320102", "350581", "350582", "370811", "370830", "370829", "500103", "500104", "450902", "450981", "450102"];

    private static Gen<EligibilityInput> People =>
        from birthYear in Gen.Choose(1930, 2020)
        from region in Gen.Elements(Regions)
        from insurance in Gen.Elements(MedicalInsuranceScheme.Employee, MedicalInsuranceScheme.Resident, MedicalInsuranceScheme.None)
        from employment in Gen.Elements(EmploymentStatus.Employed, EmploymentStatus.Retired, EmploymentStatus.FlexiblyEmployed, EmploymentStatus.UnemployedBenefit, EmploymentStatus.NotEmployed)
        from statuses in Gen.SubListOf("dibao", "bianyuan", "tekun", "orphan", "fangfan", "medical_assistance", "work_injury_care_allowance")
        from choice in Gen.Elements<string?>(null, SchemeKinds.Employee, SchemeKinds.Resident)
        select new EligibilityInput(new Person(new DateOnly(birthYear, 3, 15), region, insurance, employment, [.. statuses]), choice);

    private static EligibilityResult Ask(string tenant, EligibilityInput input, DateOnly asOf) =>
        (EligibilityResult)Scenarios.Calculator.Evaluate(new PolicyCase(
            CaseKinds.Eligibility, tenant, asOf, input, new Dictionary<string, object?>())).Result;

    [Property(MaxTest = Runs)]
    public Property An_eligible_person_always_has_a_scheme_and_an_ineligible_one_none() =>
        Prop.ForAll(People.ToArbitrary(), Gen.Elements(TenantIds.All.ToArray()).ToArbitrary(), Gen.Choose(0, 2000).ToArbitrary(), (input, tenant, days) =>
        {
            var result = Ask(tenant, input, SchemeStart[tenant].AddDays(days));
            Assert.Equal(result.Eligible, result.Scheme is not null);
        });

    [Property(MaxTest = Runs)]
    public Property Nobody_is_eligible_before_the_scheme_starts() =>
        Prop.ForAll(People.ToArbitrary(), Gen.Elements(TenantIds.All.ToArray()).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (input, tenant, daysBefore) =>
        {
            var result = Ask(tenant, input, SchemeStart[tenant].AddDays(-daysBefore));
            Assert.False(result.Eligible);
        });

    /// <summary>YL 二(一): a work-injury life-care allowance excludes the person, whatever else is true.</summary>
    [Property(MaxTest = Runs)]
    public Property Yulin_excludes_everyone_receiving_a_work_injury_care_allowance() =>
        Prop.ForAll(People.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (input, days) =>
        {
            var person = input.Person with { Statuses = [.. input.Person.Statuses.Append("work_injury_care_allowance").Distinct()] };
            Assert.False(Ask(TenantIds.Yulin, input with { Person = person }, SchemeStart[TenantIds.Yulin].AddDays(days)).Eligible);
        });
}
