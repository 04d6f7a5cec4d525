using System.Globalization;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Tests.Policies;

/// <summary>Small vocabulary for writing policy specifications.</summary>
internal static class Policy
{
    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static LtcInsurance.Domain.Month M(string text) => LtcInsurance.Domain.Month.TryParse(text, out var m) ? m : throw new ArgumentException(text);

    public static Person Person(string region, MedicalInsuranceScheme insurance, EmploymentStatus employment, string birth = "1955-06-01", params string[] statuses) =>
        new(D(birth), region, insurance, employment, statuses);

    public static PolicyEvaluation Evaluate(
        string tenant,
        string kind,
        object input,
        string asOf,
        IReadOnlyDictionary<string, object?>? parameters = null,
        ParameterOverrides? overrides = null)
    {
        var calculator = overrides is null
            ? new PolicyCalculator()
            : new PolicyCalculator(new LayeredParameterProvider(PolicyCalculator.DefaultParameters, overrides));
        return calculator.Evaluate(new PolicyCase(kind, tenant, D(asOf), input, parameters ?? new Dictionary<string, object?>()));
    }

    public static EligibilityResult Eligibility(string tenant, Person person, string asOf, string? flexibleChoice = null) =>
        (EligibilityResult)Evaluate(tenant, CaseKinds.Eligibility, new EligibilityInput(person, flexibleChoice), asOf).Result;

    public static ContributionResult Contribution(
        string tenant,
        Person person,
        string period,
        decimal? wage = null,
        decimal? pension = null,
        ParameterOverrides? overrides = null,
        string? flexibleChoice = null)
    {
        Assert.True(ContributionPeriod.TryParse(period, out var p));
        return (ContributionResult)Evaluate(tenant, CaseKinds.Contribution, new ContributionInput(person, flexibleChoice, p, wage, pension), "2030-01-01", overrides: overrides).Result;
    }

    public static decimal Line(this ContributionResult result, string payer) =>
        result.Lines.Where(l => l.Payer == payer).Sum(l => l.Amount);

    public static SettlementInput Month(
        string month,
        ServiceMode mode,
        IEnumerable<ServiceLine> lines,
        int? level = 4,
        string? entitledFrom = null,
        string? entitledTo = null,
        decimal yearToDate = 0m,
        int? providerLevel = null,
        params HospitalStay[] stays) =>
        new(
            M(month),
            new Beneficiary(level, entitledFrom is null ? M(month).FirstDay : D(entitledFrom), entitledTo is null ? null : D(entitledTo), yearToDate),
            mode,
            providerLevel,
            lines.ToList(),
            stays);

    public static ServiceLine Care(string date, decimal amount, string category = LineCategories.Care) => new(D(date), category, "T01", amount);

    /// <summary>One care line per day of the month, each of the same amount.</summary>
    public static IEnumerable<ServiceLine> Daily(string month, decimal amount) =>
        Enumerable.Range(0, M(month).LastDay.Day).Select(d => new ServiceLine(M(month).FirstDay.AddDays(d), LineCategories.Care, "B01", amount));

    public static SettlementResult Settle(
        string tenant,
        SettlementInput input,
        IReadOnlyDictionary<string, object?>? parameters = null,
        ParameterOverrides? overrides = null) =>
        (SettlementResult)Evaluate(tenant, CaseKinds.Settlement, input, input.Month.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), parameters, overrides).Result;

    /// <summary>Yulin's settlement needs the published income figure; 36000 gives a ceiling of 18000.</summary>
    public static readonly IReadOnlyDictionary<string, object?> YulinIncome36000 =
        new Dictionary<string, object?> { ["previousYearDisposableIncomePerCapita"] = 36000m };

    public static PolicyException Fails(Action action) => Assert.Throws<PolicyException>(action);
}
