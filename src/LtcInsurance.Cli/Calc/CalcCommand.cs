using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

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

        var output = CaseWriter.EvaluateAll(cases, new PolicyCalculator(), today);
        await stdout.WriteLineAsync(output.ToJsonString(OutputOptions));
        return 0;
    }
}
