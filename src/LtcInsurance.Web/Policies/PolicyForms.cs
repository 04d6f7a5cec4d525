using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Web.Policies;

/// <summary>
/// The calculator's forms, one model per question. Each reads the calculator contract's input object (the tenant's
/// example) and writes it back, so a form and the JSON view always send the same case to the same use case.
/// </summary>
public static class PolicyForms
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static decimal? Number(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    internal static bool Flag(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    internal static DateTime? Date(JsonNode? node, string name) =>
        Text(node, name) is { } s && DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    internal static DateTime? Month(JsonNode? node, string name) =>
        Text(node, name) is { } s && DateTime.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    internal static JsonNode? DateNode(DateTime? date) =>
        date is { } d ? JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    public static JsonObject Parse(string? json) =>
        (json is null ? null : JsonNode.Parse(json)) as JsonObject ?? new JsonObject();
}

public sealed class PersonModel
{
    public DateTime? BirthDate { get; set; }
    public string RegionCode { get; set; } = "";
    public string MedicalInsurance { get; set; } = "employee";
    public string Employment { get; set; } = "employed";
    public IReadOnlyCollection<string> Statuses { get; set; } = [];

    public static PersonModel From(JsonNode? node) => new()
    {
        BirthDate = PolicyForms.Date(node, "birthDate"),
        RegionCode = PolicyForms.Text(node, "regionCode") ?? "",
        MedicalInsurance = PolicyForms.Text(node, "medicalInsurance") ?? "employee",
        Employment = PolicyForms.Text(node, "employment") ?? "employed",
        Statuses = node is JsonObject o && o["statuses"] is JsonArray a
            ? [.. a.Select(n => n?.GetValue<string>()).OfType<string>()]
            : [],
    };

    public JsonObject ToJson() => new()
    {
        ["birthDate"] = PolicyForms.DateNode(BirthDate),
        ["regionCode"] = RegionCode.Trim(),
        ["medicalInsurance"] = MedicalInsurance,
        ["employment"] = Employment,
        ["statuses"] = new JsonArray([.. Statuses.Select(s => (JsonNode?)JsonValue.Create(s))]),
    };
}

public sealed class EligibilityModel
{
    public PersonModel Person { get; set; } = new();

    /// <summary>Empty: no choice (the city decides).</summary>
    public string FlexibleChoice { get; set; } = "";

    public static EligibilityModel From(JsonObject input) => new()
    {
        Person = PersonModel.From(input["person"]),
        FlexibleChoice = PolicyForms.Text(input, "flexibleChoice") ?? "",
    };

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["person"] = Person.ToJson() };
        if (FlexibleChoice.Length > 0)
            json["flexibleChoice"] = FlexibleChoice;
        return json;
    }
}

public sealed class ContributionModel
{
    public PersonModel Person { get; set; } = new();
    public string FlexibleChoice { get; set; } = "";

    /// <summary>YYYY (a year) or YYYY-MM (a month).</summary>
    public string Period { get; set; } = "";
    public decimal? MonthlyWage { get; set; }
    public decimal? MonthlyPension { get; set; }

    public static ContributionModel From(JsonObject input) => new()
    {
        Person = PersonModel.From(input["person"]),
        FlexibleChoice = PolicyForms.Text(input, "flexibleChoice") ?? "",
        Period = PolicyForms.Text(input, "period") ?? "",
        MonthlyWage = PolicyForms.Number(input, "monthlyWage"),
        MonthlyPension = PolicyForms.Number(input, "monthlyPension"),
    };

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["person"] = Person.ToJson(), ["period"] = Period.Trim() };
        if (FlexibleChoice.Length > 0)
            json["flexibleChoice"] = FlexibleChoice;
        if (MonthlyWage is { } wage)
            json["monthlyWage"] = wage;
        if (MonthlyPension is { } pension)
            json["monthlyPension"] = pension;
        return json;
    }
}

public sealed class AssessmentModel
{
    public string Instrument { get; set; } = "national2021";
    public Dictionary<string, int?> Items { get; } = [];

    public static AssessmentModel From(JsonObject input)
    {
        var model = new AssessmentModel { Instrument = PolicyForms.Text(input, "instrument") ?? "national2021" };
        if (input["items"] is JsonObject items)
        {
            foreach (var (code, score) in items)
                model.Items[code] = score is JsonValue v && v.TryGetValue<int>(out var s) ? s : null;
        }

        return model;
    }

    /// <summary>Items not scored yet are left out: the engine names the first missing item.</summary>
    public JsonObject ToJson() => new()
    {
        ["instrument"] = Instrument,
        ["items"] = new JsonObject([.. Items.Where(i => i.Value is not null).Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value))]),
    };
}

public sealed class ServiceLineModel
{
    public DateTime? Date { get; set; }
    public string Category { get; set; } = LineCategories.Care;
    public string Item { get; set; } = "";
    public decimal? Amount { get; set; }
}

public sealed class SettlementModel
{
    public DateTime? Month { get; set; }
    public int? Level { get; set; }
    public DateTime? EntitledFrom { get; set; }
    public DateTime? EntitledTo { get; set; }
    public decimal? YearToDateFundPaid { get; set; }
    public string ServiceMode { get; set; } = "home";
    public int? ProviderLevel { get; set; }
    public List<ServiceLineModel> Lines { get; set; } = [];

    /// <summary>Case-level parameter values (e.g. Yulin's published income), kept as given.</summary>
    public decimal? PreviousYearIncome { get; set; }
    public JsonArray HospitalStays { get; set; } = [];

    public const string PreviousYearIncomeParameter = "previousYearDisposableIncomePerCapita";

    public static SettlementModel From(JsonObject input) => new()
    {
        Month = PolicyForms.Month(input, "month"),
        Level = (int?)PolicyForms.Number(input["beneficiary"], "level"),
        EntitledFrom = PolicyForms.Date(input["beneficiary"], "entitledFrom"),
        EntitledTo = PolicyForms.Date(input["beneficiary"], "entitledTo"),
        YearToDateFundPaid = PolicyForms.Number(input["beneficiary"], "yearToDateFundPaid"),
        ServiceMode = PolicyForms.Text(input, "serviceMode") ?? "home",
        ProviderLevel = (int?)PolicyForms.Number(input["provider"], "medicalInstitutionLevel"),
        Lines = input["lines"] is JsonArray lines
            ? [.. lines.OfType<JsonObject>().Select(l => new ServiceLineModel
            {
                Date = PolicyForms.Date(l, "date"),
                Category = PolicyForms.Text(l, "category") ?? LineCategories.Care,
                Item = PolicyForms.Text(l, "item") ?? "",
                Amount = PolicyForms.Number(l, "amount"),
            })]
            : [],
        PreviousYearIncome = PolicyForms.Number(input["parameters"], PreviousYearIncomeParameter),
        HospitalStays = input["hospitalStays"]?.DeepClone() as JsonArray ?? [],
    };

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["month"] = Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["beneficiary"] = new JsonObject
            {
                ["level"] = Level,
                ["entitledFrom"] = PolicyForms.DateNode(EntitledFrom),
                ["entitledTo"] = PolicyForms.DateNode(EntitledTo),
                ["yearToDateFundPaid"] = YearToDateFundPaid ?? 0m,
            },
            ["serviceMode"] = ServiceMode,
            ["provider"] = new JsonObject { ["medicalInstitutionLevel"] = ProviderLevel },
            ["lines"] = new JsonArray([.. Lines.Select(l => (JsonNode?)new JsonObject
            {
                ["date"] = PolicyForms.DateNode(l.Date),
                ["category"] = l.Category,
                ["item"] = l.Item.Trim(),
                ["amount"] = l.Amount,
            })]),
            ["hospitalStays"] = HospitalStays.DeepClone(),
        };
        if (PreviousYearIncome is { } income)
            json["parameters"] = new JsonObject { [PreviousYearIncomeParameter] = income };
        return json;
    }
}

public sealed class EntitlementModel
{
    public DateTime? EnrolledSince { get; set; }
    public bool Newborn { get; set; }
    public JsonArray Gaps { get; set; } = [];
    public DateTime? ConclusionDate { get; set; }
    public DateTime? PublicityEnds { get; set; }
    public DateTime? ServiceStart { get; set; }
    public DateTime? DisabledSince { get; set; }

    public static EntitlementModel From(JsonObject input) => new()
    {
        EnrolledSince = PolicyForms.Date(input["enrolment"], "since"),
        Newborn = PolicyForms.Flag(input["enrolment"], "newborn"),
        Gaps = input["enrolment"]?["gaps"]?.DeepClone() as JsonArray ?? [],
        ConclusionDate = PolicyForms.Date(input, "conclusionDate"),
        PublicityEnds = PolicyForms.Date(input, "publicityEnds"),
        ServiceStart = PolicyForms.Date(input, "serviceStart"),
        DisabledSince = PolicyForms.Date(input, "disabledSince"),
    };

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (EnrolledSince is not null)
            json["enrolment"] = new JsonObject { ["since"] = PolicyForms.DateNode(EnrolledSince), ["gaps"] = Gaps.DeepClone(), ["newborn"] = Newborn };
        json["conclusionDate"] = PolicyForms.DateNode(ConclusionDate);
        json["publicityEnds"] = PolicyForms.DateNode(PublicityEnds);
        json["serviceStart"] = PolicyForms.DateNode(ServiceStart);
        if (DisabledSince is not null)
            json["disabledSince"] = PolicyForms.DateNode(DisabledSince);
        return json;
    }
}
