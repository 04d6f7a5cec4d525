using BenchmarkDotNet.Running;
using LtcInsurance.Benchmarks.Billing;
using LtcInsurance.Benchmarks.Engine;
using LtcInsurance.Benchmarks.Import;
using LtcInsurance.Benchmarks.Ledger;
using LtcInsurance.Benchmarks.Settlement;
using LtcInsurance.Benchmarks.Web;

// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- ledger [--posters 8] [--entries 4000] [--batch 100] [--runs 3]  durable cluster, product beside raw-INSERT reference
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- import [--rows N] [--bad-every K] [--runs 3]  durable cluster, register import beside COPY / batched INSERT of the same rows
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- billing [--people N] [--runs 3]  durable cluster, billing run beside INSERT … SELECT of the same rows
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- settlement [--beneficiaries 5000] [--runs 3]  durable cluster, bulk 审定 of submitted claims (30 lines each) beside INSERT … SELECT of the same rows
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- web [--people 1000000] [--entries 500000] [--users 50] [--requests 20] [--runs 3] [--exports 0|1]  durable cluster, pages' use cases under load
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- chain                  BenchmarkDotNet: hashing and verifying in memory
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- engine [--filter *Session*]   BenchmarkDotNet: settlement lines/s and bytes/line per city and mode (short run, in process)
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- engine-cpu [--months 1000] [--runs 5]   the same workload by CPU time (lines per CPU-second) beside wall time
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- calc [--cases 30000] [--lines 30] [--runs 3]   `ltc calc` as a process beside the engine in process
return args switch
{
    ["ledger", .. var rest] => await LedgerLoad.RunAsync(rest, Console.Out),
    ["import", .. var rest] => await RegisterImportLoad.RunAsync(rest, Console.Out),
    ["billing", .. var rest] => await BillingLoad.RunAsync(rest, Console.Out),
    ["settlement", .. var rest] => await SettlementLoad.RunAsync(rest, Console.Out),
    ["web", .. var rest] => await WebLoad.RunAsync(rest, Console.Out),
    ["chain", .. var rest] => RunChain(rest),
    ["engine", .. var rest] => RunEngine(rest),
    ["calc", .. var rest] => await CalcLoad.RunAsync(rest, Console.Out),
    ["engine-cpu", .. var rest] => await EngineCpuLoad.RunAsync(rest, Console.Out),
    _ => Usage(),
};

static int RunChain(string[] rest)
{
    BenchmarkRunner.Run<ChainBenchmarks>(args: rest);
    return 0;
}

static int RunEngine(string[] rest)
{
    BenchmarkRunner.Run<EngineBenchmarks>(args: rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: LtcInsurance.Benchmarks ledger [--posters P] [--entries N] [--batch B] [--runs R] | import [--rows N] [--bad-every K] [--runs R] | billing [--people N] [--runs R] | settlement [--beneficiaries N] [--runs R] | web [--people N] [--entries N] [--users U] [--requests R] [--runs R] [--exports 0|1] | chain [BenchmarkDotNet args] | engine [BenchmarkDotNet args] | engine-cpu [--months M] [--runs R] | calc [--cases N] [--lines L] [--runs R]");
    return 64;
}
