using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Reads a case given as a node tree (the web explorer, the case tables): written out and read by
    /// <see cref="Read(JsonElement)"/>, so there is one set of reading rules.
    /// </summary>
    public PolicyCase Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Document(json);
        return Read(document.RootElement);
    }

    /// <summary>A case node as a document of its own (the caller disposes it).</summary>
    public static JsonDocument Document(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            json.WriteTo(writer);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    /// <summary>
    /// Reads one case (a JSON object) straight from the parsed document, without building a node tree: what `ltc calc`
    /// does for each case of its input. Nothing read refers to <paramref name="json"/> afterwards, so the caller may
    /// dispose the document.
    /// </summary>
    public PolicyCase Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("案例须为 JSON 对象");
        }

        RefuseRepeatedNames(json);
        var kind = RequiredString(json, "kind");
        var tenant = OptionalString(json, "tenant") ?? string.Empty;
        var asOf = OptionalDate(json, "asOf") ?? today;
        if (kind is not (CaseKinds.Eligibility or CaseKinds.Contribution or CaseKinds.Assessment or CaseKinds.Settlement or CaseKinds.Entitlement))
        {
            throw new PolicyException(ErrorCodes.UnknownKind, $"未知的案例类型 {kind}（可用：eligibility、contribution、assessment、settlement、entitlement）");
        }

        var input = OptionalObject(json, "input") ?? throw Invalid("缺少 input 对象");
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
            ? ReadParameters(tenant, OptionalObject(input, "parameters"))
            : new Dictionary<string, object?>();
        return new PolicyCase(kind, tenant, asOf, domainInput, parameters);
    }

    private Dictionary<string, object?> ReadParameters(string tenant, JsonElement? json)
    {
        var values = new Dictionary<string, object?>();
        if (json is not { } parameters)
        {
            return values;
        }

        var definitions = calculator.Declared(tenant);
        foreach (var property in parameters.EnumerateObject())
        {
            // another city's figure does not apply here and is left out (a case set may carry one set of parameters for
            // every city); a name no city declares is a typo and is refused rather than ignored
            var name = property.Name;
            if (!definitions.TryGetValue(name, out var definition))
            {
                if (AnyCityNames().Contains(name))
                {
                    continue;
                }

                throw Invalid($"参数 {name} 不是任何城市的政策参数（租户 {tenant} 的参数见政策参数页）");
            }

            values[name] = property.Value.ValueKind == JsonValueKind.Null ? null : ParameterValue(definition, property.Value);
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

    private static object ParameterValue(ParameterDefinition definition, JsonElement node)
    {
        var value = TypedValue(definition, node);
        switch (value)
        {
            case decimal amount when definition.Kind == ParameterKind.Amount:
                CheckAmount(amount, $"parameters.{definition.Name}");
                break;
            case decimal number when number < 0:
                throw Invalid($"字段 parameters.{definition.Name} 不能为负数");
            case string code when CommonParameters.AllowedCodes(definition.Name) is { } allowed && !allowed.Contains(code):
                throw Invalid($"字段 parameters.{definition.Name} 的取值 {code} 无效（可用：{string.Join("、", allowed)}）");
            case List<string> codes when CommonParameters.AllowedCodes(definition.Name) is { } allowed:
                foreach (var code in codes.Where(c => !allowed.Contains(c)))
                {
                    throw Invalid($"字段 parameters.{definition.Name} 的取值 {code} 无效（可用：{string.Join("、", allowed)}）");
                }

                break;
        }

        return value;
    }

    /// <summary>The value in the definition's type; any other JSON type is refused with the same message.</summary>
    private static object TypedValue(ParameterDefinition definition, JsonElement node)
    {
        switch (definition.Kind)
        {
            case ParameterKind.Amount or ParameterKind.Ratio or ParameterKind.Count
                when node.ValueKind == JsonValueKind.Number && node.TryGetDecimal(out var number):
                return number;
            case ParameterKind.Date when node.ValueKind == JsonValueKind.String:
                return ParseDate(node.GetString()!, definition.Name);
            case ParameterKind.Text when node.ValueKind == JsonValueKind.String:
                return node.GetString()!;
            case ParameterKind.TextList when node.ValueKind == JsonValueKind.Array:
                var texts = new List<string>(node.GetArrayLength());
                foreach (var item in node.EnumerateArray())
                {
                    texts.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw TypeMismatch(definition));
                }

                return texts;
            case ParameterKind.Flag when node.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return node.GetBoolean();
            default:
                throw TypeMismatch(definition);
        }
    }

    private static PolicyException TypeMismatch(ParameterDefinition definition) =>
        Invalid($"参数 {definition.Name} 的取值类型不符（应为 {definition.Kind}）");

    private static Person ReadPerson(JsonElement input)
    {
        var person = OptionalObject(input, "person") ?? throw Invalid("缺少 person 对象");
        var statuses = new List<string>();
        if (OptionalArray(person, "statuses") is { } array)
        {
            foreach (var n in array.EnumerateArray())
            {
                statuses.Add(n.ValueKind == JsonValueKind.String ? n.GetString()! : throw Invalid("statuses 须为字符串数组"));
            }
        }

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

    private static string? ReadFlexibleChoice(JsonElement input) =>
        OptionalString(input, "flexibleChoice") is { } choice ? SchemeKinds.Terms.Parse(choice, "flexibleChoice") : null;

    private static ContributionInput ReadContribution(JsonElement input)
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

    private static AssessmentInput ReadAssessment(JsonElement input)
    {
        var instrument = RequiredString(input, "instrument");
        var itemsJson = OptionalObject(input, "items") ?? throw Invalid("缺少 items 对象");
        var items = new Dictionary<string, int>();
        foreach (var item in itemsJson.EnumerateObject())
        {
            var value = item.Value;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var score) || score != decimal.Truncate(score))
            {
                throw new PolicyException(ErrorCodes.InvalidItemScore, $"评估项目 {item.Name} 的得分须为整数");
            }

            items[item.Name] = (int)score;
        }

        return new AssessmentInput(instrument, items);
    }

    private static SettlementInput ReadSettlement(JsonElement input)
    {
        var monthText = RequiredString(input, "month");
        if (!Month.TryParse(monthText, out var month))
        {
            throw Invalid($"结算月份 {monthText} 须为 YYYY-MM");
        }

        var b = OptionalObject(input, "beneficiary") ?? throw Invalid("缺少 beneficiary 对象");
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

        var providerLevel = OptionalObject(input, "provider") is { } provider ? OptionalInt(provider, "medicalInstitutionLevel") : null;
        if (providerLevel is < 1 or > 3)
        {
            throw Invalid($"字段 provider.medicalInstitutionLevel 的取值 {providerLevel} 须为 1、2 或 3（协议医疗机构级别）");
        }

        var linesJson = OptionalArray(input, "lines") ?? throw Invalid("缺少 lines 数组");
        var lines = ReadObjects(linesJson, (line, i) => ReadLine(line, i, month), i => $"第 {i} 条明细不是对象");
        var stays = ReadObjects(OptionalArray(input, "hospitalStays"),
            (stay, _) => new HospitalStay(RequiredDate(RefuseRepeatedNames(stay), "admitted"), OptionalDate(stay, "discharged")),
            i => $"第 {i} 条住院记录不是对象");

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

    private static ServiceLine ReadLine(JsonElement line, int index, Month month)
    {
        var (dateJson, categoryJson, amountJson, itemJson) = LineFields(line);
        var date = OptionalDate(dateJson, "date") ?? throw Invalid("缺少日期字段 date");
        if (!month.Contains(date))
        {
            throw new PolicyException(ErrorCodes.LineOutsideMonth, $"字段 lines[{index}].date 的日期 {date:yyyy-MM-dd} 不在结算月份 {month} 内");
        }

        var category = Category(categoryJson) ?? OptionalString(categoryJson, "category") ?? throw Invalid("缺少字段 category");
        if (!LineCategories.All.Contains(category))
        {
            throw Invalid($"字段 lines[{index}].category 的取值 {category} 不是已知的费用类别（可用：{string.Join("、", LineCategories.All)}）");
        }

        var amount = OptionalDecimal(amountJson, "amount") ?? throw Invalid($"字段 lines[{index}].amount 缺失");
        if (amount < 0 || amount != decimal.Round(amount, 2))
        {
            CheckAmount(amount, $"lines[{index}].amount");
        }

        return new ServiceLine(date, category, OptionalString(itemJson, "item") ?? string.Empty, amount);
    }

    /// <summary>
    /// A line's fields (null: absent or JSON null) in one pass over its properties, its names checked as
    /// <see cref="RefuseRepeatedNames"/> does; a line with an escaped name is read field by field instead.
    /// </summary>
    private static (JsonElement? Date, JsonElement? Category, JsonElement? Amount, JsonElement? Item) LineFields(JsonElement line)
    {
        JsonElement? date = null, category = null, amount = null, item = null;
        var seen = 0UL;
        foreach (var property in line.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var bit = 1UL << (raw.IsEmpty ? 0 : ((raw.Length * 31) + (raw[0] * 7) + raw[^1]) & 63);
            if ((seen & bit) != 0 || raw.Contains((byte)'\\'))
            {
                RefuseRepeatedNames(line);
                return (Field(line, "date"), Field(line, "category"), Field(line, "amount"), Field(line, "item"));
            }

            seen |= bit;
            var value = property.Value.ValueKind == JsonValueKind.Null ? (JsonElement?)null : property.Value;
            if (raw.SequenceEqual("date"u8))
            {
                date = value;
            }
            else if (raw.SequenceEqual("category"u8))
            {
                category = value;
            }
            else if (raw.SequenceEqual("amount"u8))
            {
                amount = value;
            }
            else if (raw.SequenceEqual("item"u8))
            {
                item = value;
            }
        }

        return (date, category, amount, item);
    }

    /// <summary>A line's category when it is one of the known ones, as that shared string (no copy per line); else null.</summary>
    private static string? Category(JsonElement? json)
    {
        if (json is { ValueKind: JsonValueKind.String } value)
        {
            foreach (var category in LineCategories.All)
            {
                if (value.ValueEquals(category))
                {
                    return category;
                }
            }
        }

        return null;
    }

    /// <summary>An array of objects read in order (none when the array is absent); anything else in it is refused by its index.</summary>
    private static List<T> ReadObjects<T>(JsonElement? array, Func<JsonElement, int, T> read, Func<int, string> notAnObject)
    {
        var items = new List<T>(array?.GetArrayLength() ?? 0);
        if (array is not { } elements)
            return items;
        foreach (var element in elements.EnumerateArray())
        {
            items.Add(element.ValueKind == JsonValueKind.Object ? read(element, items.Count) : throw Invalid(notAnObject(items.Count)));
        }

        return items;
    }

    private static EntitlementInput ReadEntitlement(JsonElement input)
    {
        Enrolment? enrolment = null;
        if (OptionalObject(input, "enrolment") is { } e)
        {
            var gaps = ReadObjects(OptionalArray(e, "gaps"),
                (gap, _) => new EnrolmentGap(RequiredDate(RefuseRepeatedNames(gap), "from"), RequiredDate(gap, "to")),
                i => $"第 {i} 个断保区间不是对象");

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

    /// <summary>
    /// Refuses an object that holds a name twice, as reading it through a node tree did (its dictionary threw when the
    /// object was first read): the same <see cref="ArgumentException"/> with the same message, so a case answers
    /// "输入无效：An item with the same key has already been added. Key: … (Parameter 'key')" as before. The reader calls it
    /// on each object just before it first reads from it, where the node tree threw; an object it never reads is not
    /// checked (nor was it). Returns <paramref name="json"/>.
    /// </summary>
    public static JsonElement RefuseRepeatedNames(JsonElement json)
    {
        // one pass: a bit per name from its length and first and last bytes; only when two names share a bit are the
        // names compared (unescaped, ordinal, like the node tree's keys)
        var seen = 0UL;
        var suspect = false;
        foreach (var property in json.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var bit = 1UL << (raw.IsEmpty ? 0 : ((raw.Length * 31) + (raw[0] * 7) + raw[^1]) & 63);
            if ((seen & bit) != 0 || raw.Contains((byte)'\\'))
            {
                suspect = true;
                break;
            }

            seen |= bit;
        }

        if (suspect)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in json.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    throw RepeatedName(property.Name);
                }
            }
        }

        return json;
    }

    /// <summary>The node tree's words for a repeated name (its dictionary's, naming the parameter <c>key</c>).</summary>
    private static ArgumentException RepeatedName(string key) =>
        new($"An item with the same key has already been added. Key: {key}", nameof(key));

    /// <summary>The field's value; a JSON null counts as absent.</summary>
    private static JsonElement? Field(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The field when it is an object (its names checked, it is read next); absent, null or anything else is null.</summary>
    private static JsonElement? OptionalObject(JsonElement json, string name) =>
        Field(json, name) is { ValueKind: JsonValueKind.Object } value ? RefuseRepeatedNames(value) : null;

    /// <summary>The field when it is an array; absent, null or anything else is null.</summary>
    private static JsonElement? OptionalArray(JsonElement json, string name) =>
        Field(json, name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    private static string RequiredString(JsonElement json, string name) =>
        OptionalString(json, name) ?? throw Invalid($"缺少字段 {name}");

    private static string? OptionalString(JsonElement json, string name) => OptionalString(Field(json, name), name);

    /// <summary>A text field (null: absent); a number is taken as its text as written.</summary>
    private static string? OptionalString(JsonElement? value, string name) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => throw Invalid($"字段 {name} 须为字符串"),
    };

    private static decimal? OptionalDecimal(JsonElement json, string name) => OptionalDecimal(Field(json, name), name);

    private static decimal? OptionalDecimal(JsonElement? value, string name) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetDecimal(out var d) => d,
        _ => throw Invalid($"字段 {name} 须为数字"),
    };

    private static bool? OptionalBool(JsonElement json, string name) => Field(json, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Invalid($"字段 {name} 须为 true 或 false"),
    };

    /// <summary>A yuan amount: not negative, at most two decimals (分).</summary>
    private static decimal? OptionalAmount(JsonElement json, string name)
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

    private static int? OptionalInt(JsonElement json, string name) =>
        OptionalDecimal(json, name) is { } d
            ? d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : throw Invalid($"字段 {name} 须为整数")
            : null;

    private static DateOnly RequiredDate(JsonElement json, string name) =>
        OptionalDate(json, name) ?? throw Invalid($"缺少日期字段 {name}");

    private static DateOnly? OptionalDate(JsonElement json, string name) => OptionalDate(Field(json, name), name);

    private static DateOnly? OptionalDate(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.String } text && TryParseIsoDate(JsonMarshal.GetRawUtf8Value(text), out var date)
            ? date
            : OptionalString(value, name) is { } written ? ParseDate(written, name) : null;

    private static DateOnly ParseDate(string text, string name) =>
        TryParseIsoDate(text, out var date)
        || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? date
            : throw Invalid($"字段 {name} 的日期 {text} 须为 YYYY-MM-DD");

    /// <summary>
    /// The common shape, four-two-two digits of a day that exists, without the general parser (a case holds a date per
    /// line); whatever this does not take goes to <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/>.
    /// </summary>
    private static bool TryParseIsoDate(string text, out DateOnly date) => TryParseIsoDate(text.AsSpan(), out date);

    /// <summary>The same from a string value as written in the input, quotes included (no escapes: else not taken here).</summary>
    private static bool TryParseIsoDate(ReadOnlySpan<byte> quoted, out DateOnly date)
    {
        Span<char> text = stackalloc char[10];
        date = default;
        if (quoted.Length != 12)
        {
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            text[i] = (char)quoted[i + 1];
        }

        return TryParseIsoDate(text, out date);
    }

    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = 0;
        var month = 0;
        var day = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            if (i < 4)
            {
                year = (year * 10) + digit;
            }
            else if (i < 7)
            {
                month = (month * 10) + digit;
            }
            else
            {
                day = (day * 10) + digit;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static PolicyException Invalid(string message) => new(ErrorCodes.InvalidInput, message);
}
