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
        var values = new Dictionary<string, object?>(parameters ?? new Dictionary<string, object?>());
        foreach (var (name, value) in TestValues.GetValueOrDefault(tenant, new Dictionary<string, object?>()))
        {
            if (!values.ContainsKey(name) && (overrides is null || overrides.For(tenant, name).Count == 0))
            {
                values[name] = value;
            }
        }

        return calculator.Evaluate(new PolicyCase(kind, tenant, D(asOf), input, values));
    }

    /// <summary>
    /// TEST VALUES, not from the documents: figures the documents leave to a later notice or to local rules, supplied
    /// with every case of these specifications so the rules around them can be exercised. A test that wants the
    /// shipped state (no value → parameter_missing) passes the name with a null value.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> TestValues =
        new Dictionary<string, IReadOnlyDictionary<string, object?>>
        {
            // YL 五: collection and payment dates 另行下文通知
            ["yulin"] = new Dictionary<string, object?> { ["collectionStart"] = D("2027-01-01"), ["benefitPaymentStart"] = D("2027-01-01") },
            // JN: the notice names only the year 2022; no benefit-start rule, no qualifying level
            ["jining"] = new Dictionary<string, object?>
            {
                ["schemeStart"] = D("2022-01-01"),
                ["benefitStartRule"] = "day_after_conclusion",
                ["national2021MinimumLevel"] = 3m,
            },
            // SS: no benefit-start rule, no qualifying Barthel band
            ["shishi"] = new Dictionary<string, object?>
            {
                ["benefitStartRule"] = "day_after_conclusion",
                ["barthelBenefitBands"] = new List<string> { "severe" },
            },
            // YZ: no benefit-start rule, no qualifying level in the district plan
            ["yuzhong"] = new Dictionary<string, object?>
            {
                ["benefitStartRule"] = "day_after_conclusion",
                ["national2021MinimumLevel"] = 3m,
            },
        };

    /// <summary><see cref="TestValues"/> as tenant overrides in force from the earliest day (for generators and property tests).</summary>
    public static ParameterOverrides TestOverrides()
    {
        var overrides = new ParameterOverrides();
        foreach (var (tenant, values) in TestValues)
        {
            foreach (var (name, value) in values)
            {
                overrides.Set(tenant, name, DateOnly.MinValue, value, "测试值（非文件规定）");
            }
        }

        return overrides;
    }

    public static EligibilityResult Eligibility(
        string tenant,
        Person person,
        string asOf,
        string? flexibleChoice = null,
        bool? guardianInsured = null,
        IReadOnlyDictionary<string, object?>? parameters = null) =>
        (EligibilityResult)Evaluate(tenant, CaseKinds.Eligibility, new EligibilityInput(person, flexibleChoice, guardianInsured), asOf, parameters).Result;

    /// <summary>TEST VALUE: Yulin's resident scheme started with the employee scheme (YL 一(二) leaves the date to a later decision).</summary>
    public static readonly IReadOnlyDictionary<string, object?> YulinResidentSchemeLive =
        new Dictionary<string, object?> { ["residentSchemeStart"] = D("2027-01-01") };

    public static ContributionResult Contribution(
        string tenant,
        Person person,
        string period,
        decimal? wage = null,
        decimal? pension = null,
        ParameterOverrides? overrides = null,
        string? flexibleChoice = null,
        bool? guardianInsured = null,
        IReadOnlyDictionary<string, object?>? parameters = null)
    {
        Assert.True(ContributionPeriod.TryParse(period, out var p));
        return (ContributionResult)Evaluate(tenant, CaseKinds.Contribution, new ContributionInput(person, flexibleChoice, p, wage, pension, guardianInsured), "2030-01-01", parameters, overrides).Result;
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
