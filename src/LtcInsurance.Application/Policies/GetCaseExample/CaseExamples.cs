using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Policies.GetCaseExample;

/// <summary>
/// Starting points for the explorer, one per tenant and kind, so that a clerk edits a working case rather
/// than writing one from nothing. Figures come from the policy documents and the shared example cases
/// (e.g. Yulin per-diem level 4 = 40 yuan/day, published income 36000). Where a document leaves a figure to
/// local rules the example still runs and answers parameter_missing: that is the honest answer today. What each
/// city's example is built from is declared by its module (<see cref="ICityModule.Example"/>).
/// </summary>
internal static class CaseExamples
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CaseExample For(string tenant, string kind, string instrument)
    {
        var registry = CityRegistry.Current;
        var city = (registry.Find(tenant) ?? registry.Modules[^1]).Example;
        var input = kind switch
        {
            CaseKinds.Eligibility => new JsonObject { ["person"] = Person(city.RegionCode, city.ResidentInDifficulty) },
            CaseKinds.Contribution => Contribution(city),
            CaseKinds.Assessment => Assessment(instrument),
            CaseKinds.Settlement => Settlement(city),
            CaseKinds.Entitlement => Entitlement(city),
            _ => new JsonObject(),
        };
        return new CaseExample(city.AsOf, input.ToJsonString(Indented));
    }

    private static JsonObject Person(string regionCode, bool residentInDifficulty) => residentInDifficulty
        ? new JsonObject
        {
            ["birthDate"] = "1955-06-01",
            ["regionCode"] = regionCode,
            ["medicalInsurance"] = MedicalInsuranceScheme.Resident.Code(),
            ["employment"] = EmploymentStatus.NotEmployed.Code(),
            ["statuses"] = new JsonArray(PersonStatus.Tekun),
        }
        : new JsonObject
        {
            ["birthDate"] = "1955-06-01",
            ["regionCode"] = regionCode,
            ["medicalInsurance"] = MedicalInsuranceScheme.Employee.Code(),
            ["employment"] = EmploymentStatus.Employed.Code(),
            ["statuses"] = new JsonArray(),
        };

    private static JsonObject Contribution(CityExample city)
    {
        // A city collecting on the wage (Yulin, monthly) gives a wage; the others collect a yearly amount per person.
        var input = new JsonObject
        {
            ["person"] = Person(city.RegionCode, city.ResidentInDifficulty),
            ["period"] = city.ContributionPeriod,
        };
        if (city.MonthlyWage is { } wage)
            input["monthlyWage"] = wage;
        return input;
    }

    private static JsonObject Assessment(string instrument) => instrument == "barthel"
        ? new JsonObject
        {
            ["instrument"] = "barthel",
            ["items"] = Items(("feeding", 5), ("bathing", 0), ("grooming", 0), ("dressing", 5), ("bowels", 5),
                ("bladder", 5), ("toilet", 0), ("transfer", 5), ("mobility", 0), ("stairs", 0)),
        }
        : new JsonObject
        {
            ["instrument"] = "national2021",
            ["items"] = Items(("feeding", 0), ("bathing", 0), ("grooming", 0), ("dressing", 0), ("bowels", 5),
                ("bladder", 0), ("toilet", 0), ("transfer", 5), ("mobility", 0), ("stairs", 0),
                ("time_orientation", 1), ("person_orientation", 1), ("place_orientation", 0), ("memory", 0),
                ("vision", 1), ("hearing", 1), ("communication", 1)),
        };

    private static JsonObject Items(params (string Code, int Score)[] items) =>
        new([.. items.Select(i => KeyValuePair.Create(i.Code, (JsonNode?)i.Score))]);

    private static JsonObject Settlement(CityExample city)
    {
        // Four days: two care days either side of the per-diem, a bed charge the fund never pays, a medical-care day.
        var input = new JsonObject
        {
            ["month"] = city.Month,
            ["beneficiary"] = new JsonObject
            {
                ["level"] = city.Level,
                ["entitledFrom"] = city.Month + "-01",
                ["entitledTo"] = null,
                ["yearToDateFundPaid"] = 0,
            },
            ["serviceMode"] = city.SettlementMode.Code(),
            ["provider"] = new JsonObject { ["medicalInstitutionLevel"] = null },
            ["lines"] = new JsonArray(
                Line(city.Month + "-05", LineCategories.Care, 52.00m),
                Line(city.Month + "-06", LineCategories.Care, 38.50m),
                Line(city.Month + "-07", LineCategories.Bed, 30.00m),
                Line(city.Month + "-08", LineCategories.MedicalCare, 45.00m)),
            ["hospitalStays"] = new JsonArray(),
        };
        if (city.SettlementParameters is { Count: > 0 } parameters)
        {
            // e.g. Yulin: the yearly ceiling is half of a published income figure that the document leaves to each year.
            input["parameters"] = new JsonObject([.. parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
        }

        return input;
    }

    private static JsonObject Line(string date, string category, decimal amount) =>
        new() { ["date"] = date, ["category"] = category, ["item"] = "N01", ["amount"] = amount };

    private static JsonObject Entitlement(CityExample city) => new()
    {
        ["enrolment"] = new JsonObject { ["since"] = city.AsOf.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["gaps"] = new JsonArray(), ["newborn"] = false },
        ["conclusionDate"] = city.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["publicityEnds"] = city.AsOf.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["serviceStart"] = city.AsOf.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
