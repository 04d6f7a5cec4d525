using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Cases;

/// <summary>
/// Writes an evaluation in the calculator contract's JSON shape (money as numbers to 0.01), the counterpart of
/// <see cref="CaseReader"/>: what `ltc calc` prints and the case tables are checked against.
/// </summary>
public static class CaseWriter
{
    private static readonly JsonSerializerOptions TraceOptions = new(JsonSerializerDefaults.Web);

    public static JsonObject Success(string? id, PolicyEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new JsonObject
        {
            ["id"] = id,
            ["ok"] = true,
            ["result"] = Result(evaluation.Result),
            ["trace"] = new JsonArray([.. evaluation.Trace.Select(Step)]),
            ["parametersUsed"] = new JsonArray([.. evaluation.ParametersUsed.Select(Parameter)]),
        };
    }

    /// <summary>
    /// <see cref="Success"/> written straight to <paramref name="writer"/> (the same JSON, token for token, without building
    /// the tree): what `ltc calc` streams, one answer at a time. Trace values of the common shapes (text, numbers, dates,
    /// flags, nested dictionaries) are written by hand; any other value through <see cref="JsonSerializer"/> as before.
    /// </summary>
    public static void WriteSuccess(Utf8JsonWriter writer, string? id, PolicyEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evaluation);
        writer.WriteStartObject();
        WriteStringOrNull(writer, "id", id);
        writer.WriteBoolean("ok", true);
        writer.WritePropertyName("result");
        WriteResult(writer, evaluation.Result);
        writer.WriteStartArray("trace");
        var trace = evaluation.Trace;
        for (var s = 0; s < trace.Count; s++)
        {
            var step = trace[s];
            writer.WriteStartObject();
            WriteStringOrNull(writer, "rule", step.Rule);
            WriteStringOrNull(writer, "clause", step.Clause);
            WriteStringOrNull(writer, "description", step.Description);
            writer.WriteStartArray("parameters");
            for (var p = 0; p < step.Parameters.Count; p++)
            {
                WriteParameter(writer, step.Parameters[p]);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("inputs");
            WriteMap(writer, step.Inputs);
            writer.WritePropertyName("result");
            WriteMap(writer, step.Result);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("parametersUsed");
        for (var p = 0; p < evaluation.ParametersUsed.Count; p++)
        {
            WriteParameter(writer, evaluation.ParametersUsed[p]);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary><see cref="Failure"/> written straight to <paramref name="writer"/>.</summary>
    public static void WriteFailure(Utf8JsonWriter writer, string? id, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteStringOrNull(writer, "id", id);
        writer.WriteBoolean("ok", false);
        writer.WriteStartObject("error");
        WriteStringOrNull(writer, "code", code);
        WriteStringOrNull(writer, "message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The result object as <see cref="Result"/> builds it; the kinds of bulk runs written without the tree.</summary>
    private static void WriteResult(Utf8JsonWriter writer, object result)
    {
        switch (result)
        {
            case SettlementResult r:
                writer.WriteStartObject();
                writer.WriteNumber("billed", MoneyValue(r.Billed));
                writer.WriteNumber("fundPays", MoneyValue(r.FundPays));
                writer.WriteNumber("individualPays", MoneyValue(r.IndividualPays));
                writer.WriteStartArray("lines");
                for (var i = 0; i < r.Lines.Count; i++)
                {
                    var line = r.Lines[i];
                    writer.WriteStartObject();
                    writer.WriteNumber("index", line.Index);
                    writer.WriteNumber("fund", MoneyValue(line.Fund));
                    writer.WriteNumber("individual", MoneyValue(line.Individual));
                    WriteStringOrNull(writer, "rejected", line.Rejected);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("reductions");
                for (var i = 0; i < r.Reductions.Count; i++)
                {
                    writer.WriteStartObject();
                    WriteStringOrNull(writer, "reason", r.Reductions[i].Reason);
                    writer.WriteNumber("amount", MoneyValue(r.Reductions[i].Amount));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case EligibilityResult r:
                writer.WriteStartObject();
                writer.WriteBoolean("eligible", r.Eligible);
                WriteStringOrNull(writer, "scheme", r.Scheme);
                WriteStringOrNull(writer, "reason", r.Reason);
                writer.WriteEndObject();
                break;
            case ContributionResult r:
                writer.WriteStartObject();
                WriteStringOrNull(writer, "period", r.Period);
                writer.WriteNumber("total", MoneyValue(r.Total));
                writer.WriteStartArray("lines");
                for (var i = 0; i < r.Lines.Count; i++)
                {
                    writer.WriteStartObject();
                    WriteStringOrNull(writer, "payer", r.Lines[i].Payer);
                    writer.WriteNumber("amount", MoneyValue(r.Lines[i].Amount));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteNumber("individualDue", MoneyValue(r.IndividualDue));
                writer.WriteEndObject();
                break;
            default:
                Result(result).WriteTo(writer);
                break;
        }
    }

    /// <summary>A trace dictionary as <see cref="JsonSerializer"/> writes it (keys as they are, values by their runtime type).</summary>
    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> map)
    {
        writer.WriteStartObject();
        if (map is Dictionary<string, object?> dictionary)
        {
            foreach (var (key, value) in dictionary)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, value);
            }
        }
        else
        {
            foreach (var (key, value) in map)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateOnly date:
                WriteDate(writer, date);
                break;
            case Dictionary<string, object?> nested:
                WriteMap(writer, nested);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), TraceOptions);
                break;
        }
    }

    /// <summary>A date as the serializer writes <see cref="DateOnly"/>: yyyy-MM-dd.</summary>
    private static void WriteDate(Utf8JsonWriter writer, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>The number <see cref="Money"/> puts in the tree: rounded, with at least two decimals.</summary>
    private static decimal MoneyValue(decimal yuan) => Domain.Money.Round(yuan) + 0.00m;

    /// <summary>
    /// Evaluates one case of a contract array and writes its answer to <paramref name="writer"/>: the same JSON as
    /// <see cref="EvaluateOne"/> gives, streamed. The case is read straight from <paramref name="json"/> (no node tree).
    /// </summary>
    public static void WriteOne(Utf8JsonWriter writer, JsonElement json, CaseReader reader, PolicyCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(calculator);
        if (json.ValueKind != JsonValueKind.Object)
        {
            WriteFailure(writer, null, ErrorCodes.InvalidInput, "案例须为 JSON 对象");
            return;
        }

        string? id = null;
        PolicyEvaluation evaluation;
        try
        {
            // a repeated name in the case object itself is refused before its id is read, as the node tree did
            id = CaseId(CaseReader.RefuseRepeatedNames(json));
            evaluation = calculator.Evaluate(reader.Read(json));
        }
        catch (PolicyException e)
        {
            WriteFailure(writer, id, e.Code, e.Message);
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            WriteFailure(writer, id, ErrorCodes.InvalidInput, $"输入无效：{e.Message}");
            return;
        }

        WriteSuccess(writer, id, evaluation);
    }

    /// <summary>The case's id as the answer repeats it: a text as it is, a number or flag as written, anything else none.</summary>
    private static string? CaseId(JsonElement json) =>
        json.TryGetProperty("id"u8, out var id)
            ? id.ValueKind switch
            {
                JsonValueKind.String => id.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => id.GetRawText(),
                _ => null,
            }
            : null;

    private static void WriteParameter(Utf8JsonWriter writer, ResolvedParameter p)
    {
        writer.WriteStartObject();
        WriteStringOrNull(writer, "name", p.Name);
        writer.WritePropertyName("value");
        WriteValue(writer, p.Value);
        WriteStringOrNull(writer, "unit", p.Unit);
        WriteStringOrNull(writer, "clause", p.Clause);
        writer.WritePropertyName("effectiveFrom");
        if (p.EffectiveFrom == DateOnly.MinValue)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteDate(writer, p.EffectiveFrom);
        }

        WriteStringOrNull(writer, "source", p.Source);
        writer.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static JsonObject Failure(string? id, string code, string message) => new()
    {
        ["id"] = id,
        ["ok"] = false,
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };

    /// <summary>Money with two decimals (e.g. 380.00); the amount is already rounded by the domain.</summary>
    public static JsonNode Money(decimal yuan) => JsonValue.Create(Domain.Money.Round(yuan) + 0.00m);

    private static JsonObject Result(object result) => result switch
    {
        EligibilityResult r => new JsonObject { ["eligible"] = r.Eligible, ["scheme"] = r.Scheme, ["reason"] = r.Reason },
        ContributionResult r => new JsonObject
        {
            ["period"] = r.Period,
            ["total"] = Money(r.Total),
            ["lines"] = new JsonArray([.. r.Lines.Select(l => (JsonNode)new JsonObject { ["payer"] = l.Payer, ["amount"] = Money(l.Amount) })]),
            ["individualDue"] = Money(r.IndividualDue),
        },
        AssessmentResult r => Assessment(r),
        SettlementResult r => new JsonObject
        {
            ["billed"] = Money(r.Billed),
            ["fundPays"] = Money(r.FundPays),
            ["individualPays"] = Money(r.IndividualPays),
            ["lines"] = new JsonArray([.. r.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["index"] = l.Index,
                ["fund"] = Money(l.Fund),
                ["individual"] = Money(l.Individual),
                ["rejected"] = l.Rejected,
            })]),
            ["reductions"] = new JsonArray([.. r.Reductions.Select(x => (JsonNode)new JsonObject { ["reason"] = x.Reason, ["amount"] = Money(x.Amount) })]),
        },
        EntitlementResult r => new JsonObject
        {
            ["entitledFrom"] = r.EntitledFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["waitingPeriodUntil"] = r.WaitingPeriodUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidOperationException($"no JSON shape for {result.GetType().Name}"),
    };

    private static JsonObject Assessment(AssessmentResult r)
    {
        var json = new JsonObject { ["instrument"] = r.Instrument };
        if (r.Level is null && r.Totals.Count == 1)
        {
            var (indicator, total) = r.Totals.Single();
            json["total"] = total;
            json["band"] = r.Grades[indicator];
        }
        else
        {
            foreach (var (indicator, total) in r.Totals)
            {
                json[indicator] = total;
            }

            json["grades"] = new JsonObject([.. r.Grades.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Value))]);
            json["level"] = r.Level;
            json["levelLabel"] = r.LevelLabel;
        }

        json["eligibleForBenefit"] = r.EligibleForBenefit;
        return json;
    }

    private static JsonNode Step(TraceStep step) => new JsonObject
    {
        ["rule"] = step.Rule,
        ["clause"] = step.Clause,
        ["description"] = step.Description,
        ["parameters"] = new JsonArray([.. step.Parameters.Select(Parameter)]),
        ["inputs"] = JsonSerializer.SerializeToNode(step.Inputs, TraceOptions),
        ["result"] = JsonSerializer.SerializeToNode(step.Result, TraceOptions),
    };

    private static JsonNode Parameter(ResolvedParameter p) => new JsonObject
    {
        ["name"] = p.Name,
        ["value"] = JsonSerializer.SerializeToNode(p.Value, TraceOptions),
        ["unit"] = p.Unit,
        ["clause"] = p.Clause,
        ["effectiveFrom"] = p.EffectiveFrom == DateOnly.MinValue ? null : p.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["source"] = p.Source,
    };

    /// <summary>
    /// Evaluates each case of a contract array independently, in order: a bad case yields an error object
    /// (<c>ok: false</c> with the code) and never stops the others.
    /// </summary>
    public static JsonArray EvaluateAll(JsonArray cases, PolicyCalculator calculator, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(calculator);
        var reader = new CaseReader(calculator, today);
        var results = new JsonArray();
        foreach (var node in cases)
        {
            results.Add(EvaluateOne(node, reader, calculator));
        }

        return results;
    }

    /// <summary>
    /// Evaluates one case of a contract array (a JSON object, read by <paramref name="reader"/>) into its answer: the
    /// result with its trace, or an error object (<c>ok: false</c> with the code) for this case alone.
    /// </summary>
    public static JsonObject EvaluateOne(JsonNode? node, CaseReader reader, PolicyCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(calculator);
        if (node is not JsonObject json)
        {
            return Failure(null, ErrorCodes.InvalidInput, "案例须为 JSON 对象");
        }

        // read as `ltc calc` reads it: from the document, by the same reader
        using var document = CaseReader.Document(json);
        var element = document.RootElement;
        string? id = null;
        try
        {
            id = CaseId(CaseReader.RefuseRepeatedNames(element));
            var policyCase = reader.Read(element);
            return Success(id, calculator.Evaluate(policyCase));
        }
        catch (PolicyException e)
        {
            return Failure(id, e.Code, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // a malformed value deep in the case: report it on this case only
            return Failure(id, ErrorCodes.InvalidInput, $"输入无效：{e.Message}");
        }
    }
}
