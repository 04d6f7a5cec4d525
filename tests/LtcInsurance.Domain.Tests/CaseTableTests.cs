using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Tests;

/// <summary>
/// Runs every case table under Cases/ (examples and the independent suites; same format as the
/// calculator's examples: id, kind, tenant, asOf, input, expect) through the calculator contract (the JSON
/// `ltc calc` prints, <see cref="CaseWriter"/>) and compares the keys present in <c>expect</c>. <c>{"error": "code"}</c> expects the case to fail with that code.
/// </summary>
public class CaseTableTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "Cases");

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Directory.EnumerateFiles(CasesRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(CasesRoot, file);
            var cases = JsonNode.Parse(File.ReadAllText(file)) as JsonArray
                ?? throw new InvalidOperationException($"{relative} is not a JSON array of cases");
            for (var i = 0; i < cases.Count; i++)
            {
                data.Add(relative, i, cases[i]?["id"]?.ToString() ?? $"#{i}");
            }
        }

        return data;
    }

    [Fact]
    public void Case_tables_are_present()
    {
        Assert.True(File.Exists(Path.Combine(CasesRoot, "examples.json")));
        Assert.NotEmpty(Cases());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_its_expectation(string file, int index, string id)
    {
        var cases = (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(CasesRoot, file)))!;
        var testCase = cases[index]!.AsObject();
        var expect = testCase["expect"]?.AsObject() ?? throw new InvalidOperationException($"{id} has no expect");
        var output = CaseWriter.EvaluateAll([testCase.DeepClone()], new PolicyCalculator(), DateOnly.FromDateTime(DateTime.Today))[0]!.AsObject();
        Assert.Equal(id, output["id"]?.ToString());

        if (expect["error"] is { } expectedError)
        {
            Assert.False((bool)output["ok"]!, $"{id}: expected error {expectedError.ToJsonString()}, got {output["result"]?.ToJsonString()}");
            var code = expectedError is JsonObject o ? o["code"]!.GetValue<string>() : expectedError.GetValue<string>();
            Assert.Equal(code, output["error"]!["code"]!.GetValue<string>());
            return;
        }

        Assert.True((bool)output["ok"]!, $"{id}: {output["error"]?.ToJsonString()}");
        var result = output["result"]!.AsObject();
        var kind = testCase["kind"]!.GetValue<string>();
        foreach (var (key, expected) in expect)
        {
            switch (kind, key, expected)
            {
                case ("contribution", "lines", JsonObject byPayer):
                    Assert.Equal(NonZero(byPayer.Select(p => (p.Key, Number(p.Value!)))),
                        NonZero(result["lines"]!.AsArray().Select(l => (l!["payer"]!.GetValue<string>(), Number(l["amount"]!)))));
                    break;
                case ("settlement", "rejected", JsonArray reasons):
                    Assert.Equal(reasons.Select(r => r?.GetValue<string>()), result["lines"]!.AsArray().Select(l => l!["rejected"]?.GetValue<string>()));
                    break;
                default:
                    AssertContains(expected, result[key], $"{id}.{key}");
                    break;
            }
        }
    }

    // values built in memory keep their CLR type (int, decimal); the text form compares them all
    private static decimal Number(JsonNode node) =>
        decimal.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, decimal> NonZero(IEnumerable<(string Payer, decimal Amount)> lines) =>
        lines.Where(l => l.Amount != 0).ToDictionary(l => l.Payer, l => l.Amount);

    /// <summary>Every key of <paramref name="expected"/> is in <paramref name="actual"/> with an equal value; numbers compare as decimals.</summary>
    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject obj:
                Assert.True(actual is JsonObject, $"{path}: expected an object, got {actual?.ToJsonString()}");
                foreach (var (key, value) in obj)
                {
                    AssertContains(value, actual![key], $"{path}.{key}");
                }

                break;
            case JsonArray array:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.True(array.Count == actualArray.Count, $"{path}: expected {array.Count} elements, got {actualArray.Count}");
                for (var i = 0; i < array.Count; i++)
                {
                    AssertContains(array[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                Assert.True(actual is JsonValue v && v.GetValueKind() == JsonValueKind.Number && Number(v) == Number(value),
                    $"{path}: expected {value.ToJsonString()}, got {actual?.ToJsonString()}");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString()}");
                break;
        }
    }
}
