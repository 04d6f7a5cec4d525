using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>
/// Contribution invariants over generated insured people of the three tenants whose documents fix
/// the figures: Shishi (SS 二(三)), Jining (JN 二) and Yulin employees (YL 二(三)1-3, 5).
/// </summary>
public class ContributionProperties
{
    private const int Runs = 200;

    public sealed record ContributionScenario(string Tenant, ContributionInput Input)
    {
        public override string ToString() =>
            $"{Tenant} {Input.Period} {Input.Person.RegionCode} {Input.Person.MedicalInsurance}/{Input.Person.Employment} " +
            $"[{string.Join(",", Input.Person.Statuses)}] wage={Input.MonthlyWage} pension={Input.MonthlyPension}";
    }

    private static Gen<ContributionPeriod> Period(int firstYear, bool monthly) =>
        from year in Gen.Choose(firstYear, 2031)
        from month in Gen.Choose(1, 12)
        from yearly in monthly ? Gen.Elements(true, false) : Gen.Constant(true)
        select Parse(yearly ? $"{year:D4}" : $"{year:D4}-{month:D2}");

    private static ContributionPeriod Parse(string text) =>
        ContributionPeriod.TryParse(text, out var period) ? period : throw new ArgumentException(text);

    private static Gen<Person> Adult(Gen<string> region, MedicalInsuranceScheme insurance, Gen<EmploymentStatus> employment, Gen<string[]> statuses) =>
        from birthYear in Gen.Choose(1935, 2000)
        from r in region
        from e in employment
        from s in statuses
        select new Person(new DateOnly(birthYear, 6, 1), r, insurance, e, s);

    // SS 二(一): the three pilot groups of 石狮市
    private static Gen<ContributionScenario> Shishi =>
        from person in Adult(Gen.Constant("350581"), MedicalInsuranceScheme.Resident, Gen.Constant(EmploymentStatus.NotEmployed),
            Gen.SubListOf("dibao", "bianyuan", "tekun", "orphan").Where(s => s.Count > 0).Select(s => s.ToArray()))
        from period in Period(2021, monthly: false)
        select new ContributionScenario(TenantIds.Shishi, new ContributionInput(person, null, period, null, null));

    // JN 一: resident enrollees of the six pilot areas
    private static Gen<ContributionScenario> Jining =>
        from person in Adult(Gen.Elements("370811", "370812", "370881", "370883", "370828", "370830"), MedicalInsuranceScheme.Resident,
            Gen.Constant(EmploymentStatus.NotEmployed), Gen.Constant(Array.Empty<string>()))
        from period in Period(2022, monthly: false)
        select new ContributionScenario(TenantIds.Jining, new ContributionInput(person, null, period, null, null));

    // YL 二(一), 二(三): employees, retirees, flexible workers and the unemployed on benefit, some in difficulty
    private static Gen<ContributionScenario> Yulin =>
        from person in Adult(Gen.Elements("450902", "450903", "450921", "450922", "450923", "450924", "450981"), MedicalInsuranceScheme.Employee,
            Gen.Elements(EmploymentStatus.Employed, EmploymentStatus.Retired, EmploymentStatus.FlexiblyEmployed, EmploymentStatus.UnemployedBenefit),
            Gen.SubListOf("dibao", "tekun", "fangfan", "medical_assistance").Select(s => s.ToArray()))
        from period in Period(2027, monthly: true)
        from amount in Gen.Frequency((9, Scenarios.Yuan(0m, 40_000m)), (1, Scenarios.Yuan(40_000m, 200_000m)))
        let retired = person.Employment == EmploymentStatus.Retired
        select new ContributionScenario(TenantIds.Yulin, new ContributionInput(
            person,
            person.Employment is EmploymentStatus.FlexiblyEmployed or EmploymentStatus.UnemployedBenefit ? SchemeKinds.Employee : null,
            period,
            retired ? null : amount,
            retired ? amount : null));

    private static ContributionResult Contribute(ContributionScenario scenario) =>
        (ContributionResult)Scenarios.Calculator.Evaluate(new PolicyCase(
            CaseKinds.Contribution, scenario.Tenant, scenario.Input.Period.Start, scenario.Input, new Dictionary<string, object?>())).Result;

    private static Property ForAllContributions(Action<ContributionScenario, ContributionResult> check) =>
        Prop.ForAll(Gen.OneOf(Shishi, Jining, Yulin).ToArbitrary(), scenario => check(scenario, Contribute(scenario)));

    [Property(MaxTest = Runs)]
    public Property Total_is_the_sum_of_the_lines_and_no_line_is_negative() =>
        ForAllContributions((_, result) =>
        {
            Assert.Equal(result.Total, result.Lines.Sum(l => l.Amount));
            Assert.All(result.Lines, l => Assert.True(l.Amount >= 0, $"{l.Payer} {l.Amount} is negative"));
        });

    [Property(MaxTest = Runs)]
    public Property What_the_person_still_pays_never_exceeds_the_individual_line() =>
        ForAllContributions((_, result) =>
        {
            var individual = result.Lines.Where(l => l.Payer == Payers.Individual).Sum(l => l.Amount);
            Assert.InRange(result.IndividualDue, 0m, individual);
        });

    /// <summary>
    /// YL 二(三)5: a subsidy only moves the individual part to the government. What the person and the
    /// subsidy pay together is the individual rate on the base, whatever the person's statuses.
    /// </summary>
    [Property(MaxTest = Runs)]
    public Property Yulin_subsidies_only_move_the_individual_part_to_the_government() =>
        Prop.ForAll(Yulin.ToArbitrary(), scenario =>
        {
            var result = Contribute(scenario);
            var plain = Contribute(scenario with { Input = scenario.Input with { Person = scenario.Input.Person with { Statuses = [] } } });
            decimal Paid(ContributionResult r, params string[] payers) => r.Lines.Where(l => payers.Contains(l.Payer)).Sum(l => l.Amount);
            Assert.Equal(plain.Total, result.Total);
            Assert.Equal(Paid(plain, Payers.Employer), Paid(result, Payers.Employer));
            Assert.Equal(Paid(plain, Payers.Individual), Paid(result, Payers.Individual, Payers.FiscalSubsidy));
        });

    [Property(MaxTest = Runs)]
    public Property Amounts_are_whole_fen_and_evaluating_twice_gives_the_same_result() =>
        ForAllContributions((scenario, result) =>
        {
            Assert.All(result.Lines.Select(l => l.Amount).Append(result.Total).Append(result.IndividualDue),
                a => Assert.True(Scenarios.IsWholeFen(a), $"{a} has more than two decimals"));
            var again = Contribute(scenario);
            Assert.Equal(result.Lines, again.Lines);
            Assert.Equal((result.Total, result.IndividualDue), (again.Total, again.IndividualDue));
        });
}
