using BenchmarkDotNet.Running;
using LtcInsurance.Benchmarks.Billing;
using LtcInsurance.Benchmarks.Import;
using LtcInsurance.Benchmarks.Ledger;

// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- ledger [--posters 8] [--entries 4000] [--batch 100] [--runs 3]  durable cluster, product beside raw-INSERT reference
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- import [--rows N] [--bad-every K] [--runs 3]  durable cluster, register import beside COPY / batched INSERT of the same rows
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- billing [--people N] [--runs 3]  durable cluster, billing run beside INSERT … SELECT of the same rows
// dotnet run -c Release --project tests/LtcInsurance.Benchmarks -- chain                  BenchmarkDotNet: hashing and verifying in memory
return args switch
{
    ["ledger", .. var rest] => await LedgerLoad.RunAsync(rest, Console.Out),
    ["import", .. var rest] => await RegisterImportLoad.RunAsync(rest, Console.Out),
    ["billing", .. var rest] => await BillingLoad.RunAsync(rest, Console.Out),
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
    Console.Error.WriteLine("usage: LtcInsurance.Benchmarks ledger [--posters P] [--entries N] [--batch B] [--runs R] | import [--rows N] [--bad-every K] [--runs R] | billing [--people N] [--runs R] | chain [BenchmarkDotNet args]");
    return 64;
}
