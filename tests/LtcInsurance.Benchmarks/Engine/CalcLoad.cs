using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtcInsurance.Benchmarks.Common;
using LtcInsurance.Cli;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Benchmarks.Engine;

/// <summary>
/// `ltc calc` on generated settlement cases (every city and mode in turn, 30 lines each, fixed seed) beside the engine on
/// the same cases in process: the engine alone (cases already read), the calc command in process (read, evaluate, write
/// to a null writer), and `ltc calc --input FILE` as a process (elapsed and peak RSS from /usr/bin/time), median of the runs.
/// </summary>
public static class CalcLoad
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var count = Option(args, "--cases", 30_000);
        var lines = Option(args, "--lines", EngineBenchmarks.LinesPerMonth);
        var runs = Option(args, "--runs", 3);
        var ltc = OptionText(args, "--ltc") ?? FindLtc();
        var file = Path.Combine(Path.GetTempPath(), $"ltc-calc-bench-{Environment.ProcessId}.json");
        try
        {
            var generated = Stopwatch.StartNew();
            await WriteCasesAsync(file, count, lines);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"generated {count} cases × {lines} lines in {generated.Elapsed.TotalSeconds:0.0} s: {new FileInfo(file).Length / 1e6:0.0} MB ({ltc})"));
            await output.WriteLineAsync($"load average before: {ScenarioRunner.LoadAverage()}");

            // the engine alone: the cases read once, outside the clock
            var calculator = new PolicyCalculator();
            var reader = new CaseReader(calculator, new DateOnly(2027, 4, 1));
            var cases = new List<PolicyCase>(count);
            await using (var stream = File.OpenRead(file))
            {
                await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream))
                {
                    cases.Add(reader.Read(element));
                }
            }

            var engine = Measure(runs, () =>
            {
                foreach (var policyCase in cases)
                {
                    _ = calculator.Evaluate(policyCase);
                }
            });
            cases.Clear();
            await Row(output, "engine in process (Evaluate with trace; cases already read)", engine, null);

            var inProcess = Measure(runs, () =>
            {
                var exit = CliApp.RunAsync(["calc", "--input", file], TextReader.Null, TextWriter.Null, Console.Error).GetAwaiter().GetResult();
                if (exit != 0)
                    throw new InvalidOperationException($"calc exited {exit}");
            });
            await Row(output, "calc command in process (read, evaluate, write)", inProcess, null);

            await CheckOutputAsync(ltc, file, count);
            var processRuns = new List<(double Seconds, long PeakKb)>();
            for (var run = 0; run < runs; run++)
            {
                processRuns.Add(await TimeProcessAsync(ltc, file));
            }

            await Row(output, "`ltc calc --input FILE` as a process (stdout to /dev/null)", [.. processRuns.Select(r => r.Seconds)],
                processRuns.Max(r => r.PeakKb));
            var median = ScenarioRunner.Median(processRuns.Select(r => r.Seconds));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ratio ltc calc / engine: {median / ScenarioRunner.Median(engine):0.00}; cases/s {count / median:0}"));
            await output.WriteLineAsync($"load average after: {ScenarioRunner.LoadAverage()}");
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task WriteCasesAsync(string file, int count, int lines)
    {
        var scenarios = EngineWorkload.Scenarios;
        var perScenario = (count + scenarios.Count - 1) / scenarios.Count;
        var inputs = scenarios.Select(s => EngineWorkload.Inputs(s, perScenario, lines)).ToList();
        await using var stream = File.Create(file);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartArray();
        for (var i = 0; i < count; i++)
        {
            var s = i % scenarios.Count;
            var tenant = EngineWorkload.Parse(scenarios[s]).Tenant;
            EngineWorkload.CaseJson($"c{i}", tenant, inputs[s][i / scenarios.Count]).WriteTo(writer);
            if (writer.BytesPending > 1 << 16)
                await writer.FlushAsync();
        }

        writer.WriteEndArray();
    }

    /// <summary>One run with the output kept: every case answered, none refused (a benchmark of refusals would measure little).</summary>
    private static async Task CheckOutputAsync(string ltc, string file, int count)
    {
        var answers = file + ".out";
        try
        {
            var (exit, _) = await Shell($"dotnet '{ltc}' calc --input '{file}' > '{answers}'");
            if (exit != 0)
                throw new InvalidOperationException($"ltc calc exited {exit}");
            var seen = 0;
            await using var stream = File.OpenRead(answers);
            await foreach (var answer in JsonSerializer.DeserializeAsyncEnumerable<JsonNode>(stream))
            {
                if (answer!["ok"]!.GetValue<bool>() != true || answer["trace"]!.AsArray().Count == 0)
                    throw new InvalidOperationException($"case {seen} not answered with a trace: {answer.ToJsonString()[..Math.Min(400, answer.ToJsonString().Length)]}");
                seen++;
            }

            if (seen != count)
                throw new InvalidOperationException($"{seen} answers for {count} cases");
        }
        finally
        {
            File.Delete(answers);
        }
    }

    private static async Task<(double Seconds, long PeakKb)> TimeProcessAsync(string ltc, string file)
    {
        var times = file + ".time";
        try
        {
            var (exit, _) = await Shell($"/usr/bin/time -f '%e %M' -o '{times}' dotnet '{ltc}' calc --input '{file}' > /dev/null");
            if (exit != 0)
                throw new InvalidOperationException($"ltc calc exited {exit}");
            var parts = (await File.ReadAllTextAsync(times)).Trim().Split('\n')[^1].Split(' ');
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(times);
        }
    }

    private static async Task<(int Exit, string Err)> Shell(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var err = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            await Console.Error.WriteLineAsync(err);
        return (process.ExitCode, err);
    }

    private static double[] Measure(int runs, Action action)
    {
        action(); // warm-up (JIT, caches)
        var seconds = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }

        return seconds;
    }

    private static async Task Row(TextWriter output, string what, double[] seconds, long? peakKb) =>
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {ScenarioRunner.Median(seconds):0.00} | {seconds.Min():0.00} | {seconds.Max():0.00} | {(peakKb is { } kb ? $"{kb / 1024.0:0} MB" : "—")} |"));

    /// <summary>The `ltc` assembly (ltc.dll): copied beside the benchmark by its project reference, else the Cli's Release build.</summary>
    private static string FindLtc()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "ltc.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "ltc.runtimeconfig.json")))
            return beside;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LtcInsurance.sln")))
            dir = dir.Parent;
        if (dir is null)
            throw new InvalidOperationException("LtcInsurance.sln not found above the benchmark; pass --ltc PATH/ltc.dll");
        var dll = Path.Combine(dir.FullName, "src", "LtcInsurance.Cli", "bin", "Release", "net10.0", "ltc.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not built (dotnet build -c Release)");
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
