using System.Diagnostics;
using System.Globalization;
using LtcInsurance.Benchmarks.Common;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Benchmarks.Engine;

/// <summary>
/// The same workload as <see cref="EngineBenchmarks"/> timed by CPU time as well as wall time: on a shared machine the
/// wall clock counts the time other processes held the core, the process's CPU time (this thread plus the GC's) does
/// not, so lines per CPU-second is the "one core" figure. Bytes per line from the thread's allocation counter.
/// Median of <c>--runs</c> runs after a warm-up run, per city and mode.
/// </summary>
public static class EngineCpuLoad
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var months = Option(args, "--months", EngineBenchmarks.Months);
        var runs = Option(args, "--runs", 5);
        const int lines = EngineBenchmarks.LinesPerMonth;
        var calculator = EngineWorkload.Calculator();
        await output.WriteLineAsync($"load average before: {ScenarioRunner.LoadAverage()}; {months} months × {lines} lines per run, median of {runs}");
        await output.WriteLineAsync("| city/mode | traced lines/CPU-s | traced lines/s (wall) | traced B/line | session lines/CPU-s | session lines/s (wall) | session B/line |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var scenario in EngineWorkload.Scenarios)
        {
            var tenant = EngineWorkload.Parse(scenario).Tenant;
            var inputs = EngineWorkload.Inputs(scenario, months, lines);
            var asOf = EngineWorkload.BenchMonth.LastDay.AddDays(1);
            var cases = inputs.Select(i => new PolicyCase(CaseKinds.Settlement, tenant, asOf, i, new Dictionary<string, object?>())).ToList();
            var total = months * lines;
            var traced = Measure(runs, total, () =>
            {
                foreach (var policyCase in cases)
                {
                    _ = calculator.Evaluate(policyCase);
                }
            });
            var session = Measure(runs, total, () =>
            {
                var prepared = calculator.PrepareSettlement(tenant, EngineWorkload.BenchMonth);
                foreach (var input in inputs)
                {
                    _ = prepared.Settle(input);
                }
            });
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario} | {traced.CpuRate:N0} | {traced.WallRate:N0} | {traced.BytesPerLine:0} | {session.CpuRate:N0} | {session.WallRate:N0} | {session.BytesPerLine:0} |"));
        }

        await output.WriteLineAsync($"load average after: {ScenarioRunner.LoadAverage()}");
        return 0;
    }

    private static (double CpuRate, double WallRate, double BytesPerLine) Measure(int runs, int lines, Action action)
    {
        action(); // warm-up: JIT, parameter caches
        var cpu = new double[runs];
        var wall = new double[runs];
        var bytes = new double[runs];
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            action();
            wall[i] = clock.Elapsed.TotalSeconds;
            bytes[i] = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)lines;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        }

        return (lines / ScenarioRunner.Median(cpu), lines / ScenarioRunner.Median(wall), ScenarioRunner.Median(bytes));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
