using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;

namespace LtcInsurance.Cli.Calc;

/// <summary>
/// `ltc calc [--input FILE]`: evaluates a JSON array of policy cases (stdin or FILE) and prints one
/// result per case, in order. A bad case yields an error object and never stops the others; exit
/// code 2 only when the input as a whole is not a JSON array.
/// </summary>
public static class CalcCommand
{
    public const int InputNotAnArray = 2;
    public const int BadArguments = 64;

    private static readonly JsonSerializerOptions OutputOptions = new()
    {
        WriteIndented = true,
        // keep Chinese messages readable in the output
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        await RunAsync(args, stdin, stdout, stderr, DateOnly.FromDateTime(DateTime.Today));

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        string text;
        switch (args)
        {
            case []:
                text = await stdin.ReadToEndAsync();
                break;
            case ["--input", var path]:
                try
                {
                    text = await File.ReadAllTextAsync(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await stderr.WriteLineAsync($"calc: 无法读取输入文件 / cannot read {path}: {e.Message}");
                    return InputNotAnArray;
                }

                break;
            default:
                await stderr.WriteLineAsync("用法 / usage: ltc calc [--input FILE]");
                return BadArguments;
        }

        JsonArray cases;
        try
        {
            cases = JsonNode.Parse(text) as JsonArray
                ?? throw new JsonException("输入须为 JSON 数组 / input must be a JSON array of cases");
        }
        catch (JsonException e)
        {
            await stderr.WriteLineAsync($"calc: 输入不是有效的案例数组 / input is not a valid JSON array: {e.Message}");
            return InputNotAnArray;
        }

        var output = Evaluate(cases, new PolicyCalculator(), today);
        await stdout.WriteLineAsync(output.ToJsonString(OutputOptions));
        return 0;
    }

    /// <summary>Evaluates each case independently, in order.</summary>
    public static JsonArray Evaluate(JsonArray cases, PolicyCalculator calculator, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var reader = new CaseReader(calculator, today);
        var results = new JsonArray();
        foreach (var node in cases)
        {
            results.Add(EvaluateOne(node, reader, calculator));
        }

        return results;
    }

    private static JsonObject EvaluateOne(JsonNode? node, CaseReader reader, PolicyCalculator calculator)
    {
        if (node is not JsonObject json)
        {
            return ResultWriter.Failure(null, ErrorCodes.InvalidInput, "案例须为 JSON 对象");
        }

        string? id = null;
        try
        {
            id = json["id"] is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;
            var policyCase = reader.Read(json);
            return ResultWriter.Success(id, calculator.Evaluate(policyCase));
        }
        catch (PolicyException e)
        {
            return ResultWriter.Failure(id, e.Code, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // a malformed value deep in the case: report it on this case only
            return ResultWriter.Failure(id, ErrorCodes.InvalidInput, $"输入无效：{e.Message}");
        }
    }
}
