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

    /// <summary>"true"/"false" for a yes/no select, "" when the case leaves it out; anything else is kept as written.</summary>
    internal static string Choice(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is { } value
            ? value.GetValueKind() switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => value.ToJsonString() }
            : "";

    /// <summary>Writes a yes/no select back: "" leaves the field out; any other text that is not true/false goes to the engine as written so it is refused, never guessed.</summary>
    internal static void WriteChoice(JsonObject json, string name, string choice)
    {
        if (choice.Length == 0)
            return;
        json[name] = choice switch { "true" => true, "false" => false, _ => JsonNode.Parse(choice) };
    }

    /// <summary>The case-level parameter values as given (e.g. a published figure, a test value): a form keeps them all.</summary>
    internal static JsonObject? Parameters(JsonObject input) => input["parameters"]?.DeepClone() as JsonObject;

    internal static void WriteParameters(JsonObject json, JsonObject? parameters)
    {
        if (parameters is { Count: > 0 })
            json["parameters"] = parameters.DeepClone();
    }

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

    /// <summary>"true", "false" or empty (not given): whether a minor's parent or guardian is insured (YL 二(三)6).</summary>
    public string GuardianInsured { get; set; } = "";

    public JsonObject? Parameters { get; set; }

    public static EligibilityModel From(JsonObject input) => new()
    {
        Person = PersonModel.From(input["person"]),
        FlexibleChoice = PolicyForms.Text(input, "flexibleChoice") ?? "",
        GuardianInsured = PolicyForms.Choice(input, "guardianInsured"),
        Parameters = PolicyForms.Parameters(input),
    };

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["person"] = Person.ToJson() };
        if (FlexibleChoice.Length > 0)
            json["flexibleChoice"] = FlexibleChoice;
        PolicyForms.WriteChoice(json, "guardianInsured", GuardianInsured);
        PolicyForms.WriteParameters(json, Parameters);
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
    public string GuardianInsured { get; set; } = "";
    public JsonObject? Parameters { get; set; }

    public static ContributionModel From(JsonObject input) => new()
    {
        Person = PersonModel.From(input["person"]),
        FlexibleChoice = PolicyForms.Text(input, "flexibleChoice") ?? "",
        Period = PolicyForms.Text(input, "period") ?? "",
        MonthlyWage = PolicyForms.Number(input, "monthlyWage"),
        MonthlyPension = PolicyForms.Number(input, "monthlyPension"),
        GuardianInsured = PolicyForms.Choice(input, "guardianInsured"),
        Parameters = PolicyForms.Parameters(input),
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
        PolicyForms.WriteChoice(json, "guardianInsured", GuardianInsured);
        PolicyForms.WriteParameters(json, Parameters);
        return json;
    }
}

public sealed class AssessmentModel
{
    public string Instrument { get; set; } = "national2021";
    public Dictionary<string, int?> Items { get; } = [];

    /// <summary>Scores given in the JSON that are not whole numbers: sent back as written so the engine refuses them.</summary>
    public Dictionary<string, JsonNode?> Unreadable { get; } = [];

    public JsonObject? Parameters { get; set; }

    public static AssessmentModel From(JsonObject input)
    {
        var model = new AssessmentModel { Instrument = PolicyForms.Text(input, "instrument") ?? "national2021", Parameters = PolicyForms.Parameters(input) };
        if (input["items"] is JsonObject items)
        {
            foreach (var (code, score) in items)
            {
                if (score is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var s))
                    model.Items[code] = s;
                else
                    model.Unreadable[code] = score?.DeepClone();
            }
        }

        return model;
    }

    /// <summary>Items not scored yet are left out: the engine names the first missing item.</summary>
    public JsonObject ToJson()
    {
        var items = new JsonObject([.. Items.Where(i => i.Value is not null).Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value))]);
        foreach (var (code, raw) in Unreadable.Where(u => !Items.TryGetValue(u.Key, out var s) || s is null))
            items[code] = raw?.DeepClone();
        var json = new JsonObject { ["instrument"] = Instrument, ["items"] = items };
        PolicyForms.WriteParameters(json, Parameters);
        return json;
    }
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

    /// <summary>Yulin's published income, edited in the form; the other case-level parameters are kept as given.</summary>
    public decimal? PreviousYearIncome { get; set; }
    public JsonObject? Parameters { get; set; }
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
                // an unknown or missing category is kept as written (empty when missing): the engine refuses it, the form never guesses
                Category = PolicyForms.Text(l, "category") ?? l["category"]?.ToJsonString() ?? "",
                Item = PolicyForms.Text(l, "item") ?? "",
                Amount = PolicyForms.Number(l, "amount"),
            })]
            : [],
        PreviousYearIncome = PolicyForms.Number(input["parameters"], PreviousYearIncomeParameter),
        Parameters = PolicyForms.Parameters(input),
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
        var parameters = Parameters?.DeepClone() as JsonObject ?? [];
        if (PreviousYearIncome is { } income)
            parameters[PreviousYearIncomeParameter] = income;
        else
            parameters.Remove(PreviousYearIncomeParameter);
        PolicyForms.WriteParameters(json, parameters);
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
    public JsonObject? Parameters { get; set; }

    public static EntitlementModel From(JsonObject input) => new()
    {
        Parameters = PolicyForms.Parameters(input),
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
        PolicyForms.WriteParameters(json, Parameters);
        return json;
    }
}
