using System.Globalization;
using System.Text.Json.Nodes;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Benchmarks.Engine;

/// <summary>
/// Generated settlement months for the engine benchmarks (fixed seed): every city and service mode, 30 lines a month by
/// default, some lines outside the entitlement window or of uncovered categories, hospital stays where the city sets the
/// suspension switch, year-to-date payments near Yulin's ceiling. Figures the documents leave to local rules get
/// BENCHMARK VALUES (not from any document), as the tests' labelled test values do.
/// </summary>
public static class EngineWorkload
{
    public static readonly Month BenchMonth = new(2027, 3);

    /// <summary>Every city and service mode, as "tenant/mode".</summary>
    public static IReadOnlyList<string> Scenarios { get; } =
    [
        .. Modes("zhenjiang", ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution, ServiceMode.HomeFamily),
        .. Modes("shishi", ServiceMode.Institution, ServiceMode.Home),
        .. Modes("jining", ServiceMode.MedicalSpecial, ServiceMode.InstitutionMedical, ServiceMode.HomeMedical),
        .. Modes("yuzhong", ServiceMode.Institution, ServiceMode.Home),
        .. Modes("yulin", ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution),
    ];

    /// <summary>BENCHMARK VALUES for what the documents leave unset, per tenant (case parameters, as `ltc calc` takes them).</summary>
    public static IReadOnlyDictionary<string, object?> CaseValues(string tenant) => tenant switch
    {
        "zhenjiang" => RatioAndLimit(ServiceMode.Home, ServiceMode.Community, ServiceMode.Institution, ServiceMode.HomeFamily),
        "shishi" => RatioAndLimit(ServiceMode.Institution, ServiceMode.Home),
        "jining" => new Dictionary<string, object?> { ["schemeStart"] = new DateOnly(2022, 1, 1) },
        "yuzhong" => new Dictionary<string, object?> { ["perDiem.institution"] = 60m, ["perDiem.home"] = 45m },
        "yulin" => new Dictionary<string, object?>
        {
            ["benefitPaymentStart"] = new DateOnly(2027, 1, 1),
            ["previousYearDisposableIncomePerCapita"] = 36000m,
        },
        _ => throw new ArgumentException($"no benchmark values for {tenant}", nameof(tenant)),
    };

    /// <summary>The calculator the benchmarks use: the documents' defaults with the benchmark values as tenant overrides.</summary>
    public static PolicyCalculator Calculator()
    {
        var overrides = new ParameterOverrides();
        foreach (var tenant in CityRegistry.BuiltIn.TenantIds)
        {
            foreach (var (name, value) in CaseValues(tenant))
            {
                overrides.Set(tenant, name, DateOnly.MinValue, value, "基准测试值（非文件规定）");
            }
        }

        return new PolicyCalculator(new LayeredParameterProvider(PolicyCalculator.DefaultParameters, overrides));
    }

    /// <summary><paramref name="count"/> months of <paramref name="scenario"/> ("tenant/mode") with <paramref name="lines"/> lines each.</summary>
    public static List<SettlementInput> Inputs(string scenario, int count, int lines, int seed = 20261207)
    {
        var (tenant, mode) = Parse(scenario);
        var random = new Random(HashCode.Combine(seed, scenario.Length, scenario[0], scenario[^1]));
        var inputs = new List<SettlementInput>(count);
        for (var i = 0; i < count; i++)
        {
            inputs.Add(Input(random, tenant, mode, lines));
        }

        return inputs;
    }

    public static (string Tenant, ServiceMode Mode) Parse(string scenario)
    {
        var parts = scenario.Split('/');
        return (parts[0], ServiceModes.Terms.Parse(parts[1], "serviceMode"));
    }

    private static SettlementInput Input(Random random, string tenant, ServiceMode mode, int count)
    {
        var month = BenchMonth;
        var last = month.LastDay.Day;
        var level = random.Next(3, 6);
        // mostly entitled all month; sometimes from mid-month or ending mid-month
        var from = random.Next(10) switch
        {
            0 => month.FirstDay.AddDays(random.Next(5, 20)),
            _ => month.FirstDay.AddDays(-random.Next(0, 400)),
        };
        DateOnly? to = random.Next(12) == 0 ? month.FirstDay.AddDays(random.Next(15, 27)) : null;
        if (to < from)
        {
            to = null;
        }

        var ytd = random.Next(4) == 0 ? 17000m + random.Next(0, 150_000) / 100m : random.Next(0, 1_000_000) / 100m;
        var lines = new List<ServiceLine>(count);
        for (var i = 0; i < count; i++)
        {
            var day = new DateOnly(month.Year, month.Number, 1 + ((i * last / Math.Max(count, 1)) + random.Next(0, 2)) % last);
            var category = random.Next(20) switch
            {
                0 => LineCategories.Bed,
                1 => LineCategories.Meal,
                < 8 => LineCategories.MedicalCare,
                _ => LineCategories.Care,
            };
            lines.Add(new ServiceLine(day, category, "P" + (i % 7).ToString("D2", CultureInfo.InvariantCulture), random.Next(500, 20_000) / 100m));
        }

        List<HospitalStay> stays = [];
        if (tenant is "yulin" or "shishi" && random.Next(5) == 0)
        {
            var admitted = month.FirstDay.AddDays(random.Next(0, 20));
            stays.Add(new HospitalStay(admitted, admitted.AddDays(random.Next(1, 8))));
        }

        int? providerLevel = tenant == "jining" ? random.Next(1, 4) : null;
        return new SettlementInput(month, new Beneficiary(level, from, to, ytd), mode, providerLevel, lines, stays);
    }

    /// <summary>The contract JSON of a settlement case (what `ltc calc` reads), with the benchmark values as case parameters.</summary>
    public static JsonObject CaseJson(string id, string tenant, SettlementInput input)
    {
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parameters = new JsonObject();
        foreach (var (name, value) in CaseValues(tenant))
        {
            parameters[name] = value switch
            {
                DateOnly d => Day(d),
                decimal m => m,
                _ => throw new InvalidOperationException(name),
            };
        }

        var b = input.Beneficiary;
        return new JsonObject
        {
            ["id"] = id,
            ["kind"] = "settlement",
            ["tenant"] = tenant,
            ["asOf"] = Day(input.Month.LastDay.AddDays(1)),
            ["input"] = new JsonObject
            {
                ["month"] = input.Month.ToString(),
                ["beneficiary"] = new JsonObject
                {
                    ["level"] = b.Level,
                    ["entitledFrom"] = Day(b.EntitledFrom),
                    ["entitledTo"] = b.EntitledTo is { } t ? Day(t) : null,
                    ["yearToDateFundPaid"] = b.YearToDateFundPaid,
                },
                ["serviceMode"] = input.ServiceMode.Code(),
                ["provider"] = new JsonObject { ["medicalInstitutionLevel"] = input.ProviderMedicalInstitutionLevel },
                ["lines"] = new JsonArray([.. input.Lines.Select(l => (JsonNode)new JsonObject
                {
                    ["date"] = Day(l.Date), ["category"] = l.Category, ["item"] = l.Item, ["amount"] = l.Amount,
                })]),
                ["hospitalStays"] = new JsonArray([.. input.HospitalStays.Select(s => (JsonNode)new JsonObject
                {
                    ["admitted"] = Day(s.Admitted), ["discharged"] = s.Discharged is { } d ? Day(d) : null,
                })]),
                ["parameters"] = parameters,
            },
        };
    }

    private static IEnumerable<string> Modes(string tenant, params ServiceMode[] modes) => modes.Select(m => $"{tenant}/{m.Code()}");

    private static Dictionary<string, object?> RatioAndLimit(params ServiceMode[] modes)
    {
        var values = new Dictionary<string, object?>();
        foreach (var mode in modes)
        {
            values[$"fundRatio.{mode.Code()}"] = mode is ServiceMode.Institution ? 0.65m : 0.75m;
            values[$"monthlyLimit.{mode.Code()}"] = mode is ServiceMode.Institution ? 2400m : 1500m;
        }

        return values;
    }
}
