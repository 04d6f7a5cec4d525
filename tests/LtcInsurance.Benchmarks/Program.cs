using BenchmarkDotNet.Running;
using LtcInsurance.Benchmarks.Import;
using LtcInsurance.Benchmarks.Ledger;
using LtcInsurance.Benchmarks.Web;

// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- ledger [--posters 8] [--entries 4000] [--batch 100] [--runs 3]  durable cluster, product beside raw-INSERT reference
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- import [--rows N] [--bad-every K]  register import on a throwaway cluster
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- web [--people 1000000] [--entries 500000] [--users 50] [--requests 20] [--runs 3]  durable cluster, pages' use cases under load
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- chain                  BenchmarkDotNet: hashing and verifying in memory
return args switch
{
    ["ledger", .. var rest] => await LedgerLoad.RunAsync(rest, Console.Out),
    ["import", .. var rest] => await RegisterImportLoad.RunAsync(rest, Console.Out),
    ["web", .. var rest] => await WebLoad.RunAsync(rest, Console.Out),
    ["chain", .. var rest] => RunChain(rest),
    _ => Usage(),
};

static int RunChain(string[] rest)
{
    BenchmarkRunner.Run<ChainBenchmarks>(args: rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: LtcInsurance.Benchmarks ledger [--posters P] [--entries N] [--batch B] [--runs R] | import [--rows N] [--bad-every K] | web [--people N] [--entries N] [--users U] [--requests R] [--runs R] | chain [BenchmarkDotNet args]");
    return 64;
}
