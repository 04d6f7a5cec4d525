using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Benchmarks.Engine;

/// <summary>
/// The settlement engine per city and service mode, per settlement line (1,000 generated months of 30 lines per
/// invocation): <see cref="Traced"/> is <see cref="PolicyCalculator.Evaluate"/> with its trace, one case per month, as a
/// clerk's question is answered; <see cref="Session"/> is bulk settlement, one <see cref="SettlementSession"/> prepared
/// per tenant and month (the preparation is inside the measured call) settling every month without a trace. Mean is the
/// time per line (lines/s = 10⁹ / mean in ns), Allocated the bytes per line. A short run, in process, so the suite ends
/// in minutes on a busy machine.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EngineBenchmarks
{
    public const int Months = 1_000;
    public const int LinesPerMonth = 30;
    private const int Lines = Months * LinesPerMonth;

    private PolicyCalculator calculator = null!;
    private List<SettlementInput> inputs = [];
    private List<PolicyCase> cases = [];
    private string tenant = "";

    public static IEnumerable<string> AllScenarios => EngineWorkload.Scenarios;

    [ParamsSource(nameof(AllScenarios))]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        calculator = EngineWorkload.Calculator();
        tenant = EngineWorkload.Parse(Scenario).Tenant;
        inputs = EngineWorkload.Inputs(Scenario, Months, LinesPerMonth);
        var asOf = EngineWorkload.BenchMonth.LastDay.AddDays(1);
        cases = [.. inputs.Select(i => new PolicyCase(CaseKinds.Settlement, tenant, asOf, i, new Dictionary<string, object?>()))];

        // both paths answer every month, with the same amounts (a benchmark of refusals would measure nothing)
        var session = calculator.PrepareSettlement(tenant, EngineWorkload.BenchMonth);
        for (var i = 0; i < inputs.Count; i++)
        {
            var traced = (SettlementResult)calculator.Evaluate(cases[i]).Result;
            var fast = session.Settle(inputs[i]);
            if (traced.FundPays != fast.FundPays || traced.IndividualPays != fast.IndividualPays)
                throw new InvalidOperationException($"{Scenario} month {i}: traced {traced.FundPays} ≠ session {fast.FundPays}");
        }
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public decimal Traced()
    {
        var fund = 0m;
        foreach (var policyCase in cases)
        {
            fund += ((SettlementResult)calculator.Evaluate(policyCase).Result).FundPays;
        }

        return fund;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public decimal Session()
    {
        var session = calculator.PrepareSettlement(tenant, EngineWorkload.BenchMonth);
        var fund = 0m;
        foreach (var input in inputs)
        {
            fund += session.Settle(input).FundPays;
        }

        return fund;
    }

    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
    }
}
