using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>
/// One beneficiary's month put to a tenant's settlement rules. <see cref="Income"/> is Yulin's
/// previous-year per-capita disposable income (the yearly ceiling's base); Jining has none.
/// </summary>
/// <paramref name="Values"/>: further case parameters (test values of figures the documents leave to local rules).
public sealed record SettlementScenario(string Tenant, SettlementInput Input, decimal? Income, IReadOnlyDictionary<string, object?>? Values = null)
{
    public IReadOnlyDictionary<string, object?> Parameters
    {
        get
        {
            var parameters = new Dictionary<string, object?>(Values ?? new Dictionary<string, object?>());
            if (Income is { } income)
            {
                parameters["previousYearDisposableIncomePerCapita"] = income;
            }

            return parameters;
        }
    }

    /// <summary>Readable form for FsCheck's counterexample report.</summary>
    public override string ToString()
    {
        var b = Input.Beneficiary;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{Tenant} {Input.Month} {Input.ServiceMode} provider={Input.ProviderMedicalInstitutionLevel} level={b.Level} ");
        text.Append(CultureInfo.InvariantCulture,
            $"entitled {b.EntitledFrom:yyyy-MM-dd}..{b.EntitledTo:yyyy-MM-dd} ytd={b.YearToDateFundPaid} income={Income}; stays ");
        text.AppendJoin(", ", Input.HospitalStays.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Admitted:MM-dd}..{s.Discharged:MM-dd}")));
        text.Append("; lines ");
        text.AppendJoin(", ", Input.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Date:dd} {l.Category} {l.Amount}")));
        return text.ToString();
    }
}

/// <summary>Generators of valid policy questions, kept inside each scheme's documented ranges.</summary>
internal static class Scenarios
{
    /// <summary>The engine with the labelled test values of <see cref="Policies.Policy.TestValues"/> (figures the documents leave unset).</summary>
    public static readonly PolicyCalculator Calculator =
        new(new LtcInsurance.Domain.Policies.Parameters.LayeredParameterProvider(PolicyCalculator.DefaultParameters, Policies.Policy.TestOverrides()));

    /// <summary>Whole fen between the bounds, as yuan.</summary>
    public static Gen<decimal> Yuan(decimal from, decimal to) =>
        Gen.Choose((int)(from * 100), (int)(to * 100)).Select(fen => fen / 100m);

    private static Gen<DateOnly> DayOf(Month month) =>
        Gen.Choose(1, month.LastDay.Day).Select(d => new DateOnly(month.Year, month.Number, d));

    /// <summary>
    /// Service lines: mostly covered care, with bed, meal, drug and other charges mixed in; some days
    /// carry several lines. Amounts range from a few fen to a large day so limits and caps bite.
    /// </summary>
    private static Gen<List<ServiceLine>> Lines(Month month) =>
        from count in Gen.Choose(0, 35)
        from lines in (
            from day in DayOf(month)
            from category in Gen.Frequency(
                (6, Gen.Constant(LineCategories.Care)),
                (3, Gen.Constant(LineCategories.MedicalCare)),
                (1, Gen.Elements(LineCategories.Bed, LineCategories.Meal, LineCategories.Drug, LineCategories.Other)))
            from amount in Gen.Frequency((8, Yuan(0.01m, 150m)), (2, Yuan(150m, 600m)))
            select new ServiceLine(day, category, "P01", amount)).ListOf(count)
        select lines.OrderBy(l => l.Date).ToList();

    /// <summary>Entitlement windows that start before, inside or after the month, open or closed.</summary>
    private static Gen<(DateOnly From, DateOnly? To)> Window(Month month) =>
        from fromOffset in Gen.Choose(-90, 31)
        let start = month.FirstDay.AddDays(fromOffset)
        from closed in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from length in Gen.Choose(0, 60)
        select (start, closed ? start.AddDays(length) : (DateOnly?)null);

    /// <summary>Up to two hospital stays overlapping the month, including same-day and cross-month stays.</summary>
    private static Gen<List<HospitalStay>> Stays(Month month) =>
        from count in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from stays in (
            from admittedOffset in Gen.Choose(-10, month.LastDay.Day)
            from length in Gen.Choose(0, 15)
            let admitted = month.FirstDay.AddDays(admittedOffset)
            select new HospitalStay(admitted, admitted.AddDays(length))).ListOf(count)
        select stays.ToList();

    /// <summary>Yulin (YL 二(四)4): home, community, institution months in 2027–2028, year-to-date payments near and past the ceiling.</summary>
    public static Gen<SettlementScenario> Yulin =>
        from monthIndex in Gen.Choose(0, 23)
        let month = new Month(2027 + (monthIndex / 12), (monthIndex % 12) + 1)
        from mode in Gen.Elements(ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution)
        from level in Gen.Choose(3, 5)
        from window in Window(month)
        from income in Yuan(20_000m, 60_000m)
        from yearToDate in Gen.Frequency(
            (5, Gen.Constant(0m)),
            (3, Yuan(0m, 15_000m)),
            (3, Yuan(income / 2 - 1_500m, income / 2 + 500m)))
        from lines in Lines(month)
        from stays in Stays(month)
        select new SettlementScenario(
            TenantIds.Yulin,
            new SettlementInput(month, new Beneficiary(level, window.From, window.To, yearToDate), mode, null, lines, stays),
            income);

    /// <summary>Jining (JN 三(二)): the three medical care modes in 2022–2025; no hospital stays (the scheme does not suspend on them).</summary>
    public static Gen<SettlementScenario> Jining =>
        from monthIndex in Gen.Choose(0, 47)
        let month = new Month(2022 + (monthIndex / 12), (monthIndex % 12) + 1)
        from mode in Gen.Elements(ServiceMode.MedicalSpecial, ServiceMode.InstitutionMedical, ServiceMode.HomeMedical)
        from providerLevel in Gen.Choose(1, 3)
        from window in Window(month)
        from lines in Lines(month)
        select new SettlementScenario(
            TenantIds.Jining,
            new SettlementInput(month, new Beneficiary(3, window.From, window.To, 0m), mode, providerLevel, lines, []),
            null);

    public static Gen<SettlementScenario> AnySettlement => Gen.OneOf(Yulin, Jining);

    /// <summary>
    /// Zhenjiang, Shishi and Yuzhong months in 2025–2026 with TEST VALUES (not from the documents) for the ratios, monthly
    /// limits and per-diems their documents leave to local rules; levels 0–5, hospital stays where the city may leave the
    /// suspension switch unset, and now and then a service mode the city does not offer (refusals).
    /// </summary>
    public static Gen<SettlementScenario> LocalRuleCities =>
        from tenant in Gen.Elements(TenantIds.Zhenjiang, TenantIds.Shishi, TenantIds.Yuzhong)
        from monthIndex in Gen.Choose(0, 23)
        let month = new Month(2025 + (monthIndex / 12), (monthIndex % 12) + 1)
        from mode in Gen.Frequency(
            (9, Gen.Elements(LocalRuleModes(tenant).ToArray())),
            (1, Gen.Elements(Enum.GetValues<ServiceMode>())))
        from level in Gen.Choose(0, 5)
        from window in Window(month)
        from lines in Lines(month)
        from stays in Stays(month)
        from ratio in Gen.Elements(0.6m, 0.7m, 0.85m)
        from limit in Yuan(300m, 3000m)
        from perDiem in Yuan(20m, 120m)
        select new SettlementScenario(
            tenant,
            new SettlementInput(month, new Beneficiary(level, window.From, window.To, 0m), mode, null, lines, stays),
            null,
            LocalRuleValues(tenant, ratio, limit, perDiem));

    private static IReadOnlyList<ServiceMode> LocalRuleModes(string tenant) => tenant switch
    {
        TenantIds.Zhenjiang => [ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution, ServiceMode.HomeFamily],
        _ => [ServiceMode.Institution, ServiceMode.Home],
    };

    private static Dictionary<string, object?> LocalRuleValues(string tenant, decimal ratio, decimal limit, decimal perDiem)
    {
        var values = new Dictionary<string, object?>();
        foreach (var mode in LocalRuleModes(tenant))
        {
            if (tenant == TenantIds.Yuzhong)
            {
                values[$"perDiem.{mode.Code()}"] = perDiem;
            }
            else
            {
                values[$"fundRatio.{mode.Code()}"] = ratio;
                values[$"monthlyLimit.{mode.Code()}"] = limit;
            }
        }

        return values;
    }

    public static SettlementResult Settle(SettlementScenario scenario) =>
        (SettlementResult)Calculator.Evaluate(new PolicyCase(
            CaseKinds.Settlement,
            scenario.Tenant,
            scenario.Input.Month.FirstDay,
            scenario.Input,
            scenario.Parameters)).Result;

    /// <summary>True when the amount is whole fen (at most two decimals).</summary>
    public static bool IsWholeFen(decimal amount) => amount == decimal.Round(amount, 2);
}
