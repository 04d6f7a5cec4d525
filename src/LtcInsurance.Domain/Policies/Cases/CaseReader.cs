using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Cases;

/// <summary>
/// Reads one case of the calculator contract (JSON) into the domain's case records, for `ltc calc` and the
/// web policy explorer alike, so both answer the same JSON the same way. Every problem
/// with the content becomes a <see cref="PolicyException"/> so it is reported on that case alone.
/// Codes (medical insurance, employment, person categories, schemes, service modes) are read through their
/// vocabulary: an unknown code is <c>invalid_input</c> naming the field and the allowed codes.
/// </summary>
public sealed class CaseReader(PolicyCalculator calculator, DateOnly today)
{
    // every city's parameter names, built once per set of city modules (a case set may carry other cities' figures)
    private IReadOnlyDictionary<string, IReadOnlyList<ParameterDefinition>>? _namesOf;
    private HashSet<string> _anyCityNames = [];

    public PolicyCase Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var kind = RequiredString(json, "kind");
        var tenant = OptionalString(json, "tenant") ?? string.Empty;
        var asOf = OptionalDate(json, "asOf") ?? today;
        if (kind is not (CaseKinds.Eligibility or CaseKinds.Contribution or CaseKinds.Assessment or CaseKinds.Settlement or CaseKinds.Entitlement))
        {
            throw new PolicyException(ErrorCodes.UnknownKind, $"未知的案例类型 {kind}（可用：eligibility、contribution、assessment、settlement、entitlement）");
        }

        var input = json["input"] as JsonObject ?? throw Invalid("缺少 input 对象");
        object domainInput = kind switch
        {
            CaseKinds.Eligibility => new EligibilityInput(ReadPerson(input), ReadFlexibleChoice(input), OptionalBool(input, "guardianInsured")),
            CaseKinds.Contribution => ReadContribution(input),
            CaseKinds.Assessment => ReadAssessment(input),
            CaseKinds.Settlement => ReadSettlement(input),
            CaseKinds.Entitlement => ReadEntitlement(input),
            _ => throw new PolicyException(ErrorCodes.UnknownKind, $"未知的案例类型 {kind}（可用：eligibility、contribution、assessment、settlement、entitlement）"),
        };
        var parameters = tenant.Length > 0 && PolicyCalculator.Schemes.ContainsKey(tenant)
            ? ReadParameters(tenant, input["parameters"] as JsonObject)
            : new Dictionary<string, object?>();
        return new PolicyCase(kind, tenant, asOf, domainInput, parameters);
    }

    private Dictionary<string, object?> ReadParameters(string tenant, JsonObject? json)
    {
        var values = new Dictionary<string, object?>();
        if (json is null)
        {
            return values;
        }

        var definitions = calculator.Declared(tenant);
        foreach (var (name, node) in json)
        {
            // another city's figure does not apply here and is left out (a case set may carry one set of parameters for
            // every city); a name no city declares is a typo and is refused rather than ignored
            if (!definitions.TryGetValue(name, out var definition))
            {
                if (AnyCityNames().Contains(name))
                {
                    continue;
                }

                throw Invalid($"参数 {name} 不是任何城市的政策参数（租户 {tenant} 的参数见政策参数页）");
            }

            values[name] = node is null ? null : ParameterValue(definition, node);
        }

        return values;
    }

    private HashSet<string> AnyCityNames()
    {
        var defaults = PolicyCalculator.DefaultParameters;
        if (!ReferenceEquals(defaults, _namesOf))
        {
            _anyCityNames = defaults.Values.SelectMany(list => list.Select(d => d.Name)).ToHashSet(StringComparer.Ordinal);
            _namesOf = defaults;
        }

        return _anyCityNames;
    }

    private static object ParameterValue(ParameterDefinition definition, JsonNode node)
    {
        var value = TypedValue(definition, node);
        var field = $"parameters.{definition.Name}";
        switch (value)
        {
            case decimal amount when definition.Kind == ParameterKind.Amount:
                CheckAmount(amount, field);
                break;
            case decimal number when number < 0:
                throw Invalid($"字段 {field} 不能为负数");
            case string code when CommonParameters.AllowedCodes(definition.Name) is { } allowed && !allowed.Contains(code):
                throw Invalid($"字段 {field} 的取值 {code} 无效（可用：{string.Join("、", allowed)}）");
            case List<string> codes when CommonParameters.AllowedCodes(definition.Name) is { } allowed:
                foreach (var code in codes.Where(c => !allowed.Contains(c)))
                {
                    throw Invalid($"字段 {field} 的取值 {code} 无效（可用：{string.Join("、", allowed)}）");
                }

                break;
        }

        return value;
    }

    private static object TypedValue(ParameterDefinition definition, JsonNode node)
    {
        try
        {
            return definition.Kind switch
            {
                ParameterKind.Amount or ParameterKind.Ratio or ParameterKind.Count => node.GetValue<decimal>(),
                ParameterKind.Date => ParseDate(node.GetValue<string>(), definition.Name),
                ParameterKind.Text => node.GetValue<string>(),
                ParameterKind.TextList => node.AsArray().Select(n => n!.GetValue<string>()).ToList(),
                ParameterKind.Flag => node.GetValue<bool>(),
                _ => throw new InvalidOperationException(),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw Invalid($"参数 {definition.Name} 的取值类型不符（应为 {definition.Kind}）");
        }
    }

    private static Person ReadPerson(JsonObject input)
    {
        var person = input["person"] as JsonObject ?? throw Invalid("缺少 person 对象");
        var statuses = person["statuses"] is JsonArray array
            ? array.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : throw Invalid("statuses 须为字符串数组")).ToList()
            : [];
        foreach (var status in statuses)
        {
            PersonStatus.Terms.Parse(status, "statuses");
        }

        return new Person(
            RequiredDate(person, "birthDate"),
            RequiredString(person, "regionCode"),
            OptionalString(person, "medicalInsurance") is { } medical
                ? MedicalInsuranceSchemes.Terms.Parse(medical, "medicalInsurance")
                : MedicalInsuranceScheme.None,
            OptionalString(person, "employment") is { } employment
                ? EmploymentStatuses.Terms.Parse(employment, "employment")
                : EmploymentStatus.NotEmployed,
            statuses);
    }

    private static string? ReadFlexibleChoice(JsonObject input) =>
        OptionalString(input, "flexibleChoice") is { } choice ? SchemeKinds.Terms.Parse(choice, "flexibleChoice") : null;

    private static ContributionInput ReadContribution(JsonObject input)
    {
        var periodText = RequiredString(input, "period");
        if (!ContributionPeriod.TryParse(periodText, out var period))
        {
            throw Invalid($"缴费期 {periodText} 须为 YYYY 或 YYYY-MM");
        }

        return new ContributionInput(
            ReadPerson(input),
            ReadFlexibleChoice(input),
            period,
            OptionalAmount(input, "monthlyWage"),
            OptionalAmount(input, "monthlyPension"),
            OptionalBool(input, "guardianInsured"));
    }

    private static AssessmentInput ReadAssessment(JsonObject input)
    {
        var instrument = RequiredString(input, "instrument");
        var itemsJson = input["items"] as JsonObject ?? throw Invalid("缺少 items 对象");
        var items = new Dictionary<string, int>();
        foreach (var (code, node) in itemsJson)
        {
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<decimal>(out var score) || score != decimal.Truncate(score))
            {
                throw new PolicyException(ErrorCodes.InvalidItemScore, $"评估项目 {code} 的得分须为整数");
            }

            items[code] = (int)score;
        }

        return new AssessmentInput(instrument, items);
    }

    private static SettlementInput ReadSettlement(JsonObject input)
    {
        var monthText = RequiredString(input, "month");
        if (!Month.TryParse(monthText, out var month))
        {
            throw Invalid($"结算月份 {monthText} 须为 YYYY-MM");
        }

        var b = input["beneficiary"] as JsonObject ?? throw Invalid("缺少 beneficiary 对象");
        var level = OptionalInt(b, "level");
        if (level is < 0 or > 5)
        {
            throw Invalid($"字段 beneficiary.level 的失能等级 {level} 须在 0 至 5 之间（国家标准 0 基本正常 … 5 重度失能三级）");
        }

        var beneficiary = new Beneficiary(
            level,
            RequiredDate(b, "entitledFrom"),
            OptionalDate(b, "entitledTo"),
            OptionalAmount(b, "yearToDateFundPaid") ?? 0m);
        if (beneficiary.EntitledTo is { } to && to < beneficiary.EntitledFrom)
        {
            throw Invalid("entitledTo 早于 entitledFrom");
        }

        var provider = input["provider"] as JsonObject;
        var providerLevel = provider is null ? null : OptionalInt(provider, "medicalInstitutionLevel");
        if (providerLevel is < 1 or > 3)
        {
            throw Invalid($"字段 provider.medicalInstitutionLevel 的取值 {providerLevel} 须为 1、2 或 3（协议医疗机构级别）");
        }

        var lines = (input["lines"] as JsonArray ?? throw Invalid("缺少 lines 数组"))
            .Select((n, i) => n as JsonObject ?? throw Invalid($"第 {i} 条明细不是对象"))
            .Select((l, i) => ReadLine(l, i, month))
            .ToList();
        var stays = (input["hospitalStays"] as JsonArray ?? [])
            .Select((n, i) => n as JsonObject ?? throw Invalid($"第 {i} 条住院记录不是对象"))
            .Select(s => new HospitalStay(RequiredDate(s, "admitted"), OptionalDate(s, "discharged")))
            .ToList();
        if (stays.Any(s => s.Discharged < s.Admitted))
        {
            throw Invalid("住院记录的出院日期早于入院日期");
        }

        return new SettlementInput(
            month,
            beneficiary,
            ServiceModes.Terms.Parse(RequiredString(input, "serviceMode"), "serviceMode"),
            providerLevel,
            lines,
            stays);
    }

    private static ServiceLine ReadLine(JsonObject line, int index, Month month)
    {
        var date = RequiredDate(line, "date");
        if (!month.Contains(date))
        {
            throw new PolicyException(ErrorCodes.LineOutsideMonth, $"字段 lines[{index}].date 的日期 {date:yyyy-MM-dd} 不在结算月份 {month} 内");
        }

        var category = RequiredString(line, "category");
        if (!LineCategories.All.Contains(category))
        {
            throw Invalid($"字段 lines[{index}].category 的取值 {category} 不是已知的费用类别（可用：{string.Join("、", LineCategories.All)}）");
        }

        var amount = OptionalDecimal(line, "amount") ?? throw Invalid($"字段 lines[{index}].amount 缺失");
        if (amount < 0 || amount != decimal.Round(amount, 2))
        {
            CheckAmount(amount, $"lines[{index}].amount");
        }

        return new ServiceLine(date, category, OptionalString(line, "item") ?? string.Empty, amount);
    }

    private static EntitlementInput ReadEntitlement(JsonObject input)
    {
        Enrolment? enrolment = null;
        if (input["enrolment"] is JsonObject e)
        {
            var gaps = (e["gaps"] as JsonArray ?? [])
                .Select((n, i) => n as JsonObject ?? throw Invalid($"第 {i} 个断保区间不是对象"))
                .Select(g => new EnrolmentGap(RequiredDate(g, "from"), RequiredDate(g, "to")))
                .ToList();
            if (gaps.Any(g => g.To < g.From))
            {
                throw Invalid("断保区间的结束日早于开始日");
            }

            enrolment = new Enrolment(RequiredDate(e, "since"), gaps, OptionalBool(e, "newborn") ?? false, OptionalDate(e, "birthDate"));
        }

        return new EntitlementInput(
            enrolment,
            RequiredDate(input, "conclusionDate"),
            OptionalDate(input, "publicityEnds"),
            OptionalDate(input, "serviceStart"),
            OptionalDate(input, "disabledSince"));
    }

    private static string RequiredString(JsonObject json, string name) =>
        OptionalString(json, name) ?? throw Invalid($"缺少字段 {name}");

    private static string? OptionalString(JsonObject json, string name) => json[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw Invalid($"字段 {name} 须为字符串"),
    };

    private static decimal? OptionalDecimal(JsonObject json, string name) => json[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) => d,
        _ => throw Invalid($"字段 {name} 须为数字"),
    };

    private static bool? OptionalBool(JsonObject json, string name) => json[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        _ => throw Invalid($"字段 {name} 须为 true 或 false"),
    };

    /// <summary>A yuan amount: not negative, at most two decimals (分).</summary>
    private static decimal? OptionalAmount(JsonObject json, string name)
    {
        var amount = OptionalDecimal(json, name);
        if (amount is { } a)
        {
            CheckAmount(a, name);
        }

        return amount;
    }

    private static void CheckAmount(decimal amount, string field)
    {
        if (amount < 0)
        {
            throw Invalid($"字段 {field} 的金额 {amount.ToString(CultureInfo.InvariantCulture)} 不能为负数");
        }

        if (amount != decimal.Round(amount, 2))
        {
            throw Invalid($"字段 {field} 的金额 {amount.ToString(CultureInfo.InvariantCulture)} 超过两位小数（金额以元计，精确到分）");
        }
    }

    private static int? OptionalInt(JsonObject json, string name) =>
        OptionalDecimal(json, name) is { } d
            ? d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : throw Invalid($"字段 {name} 须为整数")
            : null;

    private static DateOnly RequiredDate(JsonObject json, string name) =>
        OptionalDate(json, name) ?? throw Invalid($"缺少日期字段 {name}");

    private static DateOnly? OptionalDate(JsonObject json, string name) =>
        OptionalString(json, name) is { } text ? ParseDate(text, name) : null;

    private static DateOnly ParseDate(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid($"字段 {name} 的日期 {text} 须为 YYYY-MM-DD");

    private static PolicyException Invalid(string message) => new(ErrorCodes.InvalidInput, message);
}
