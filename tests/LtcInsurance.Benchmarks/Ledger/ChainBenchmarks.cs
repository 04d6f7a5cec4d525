using BenchmarkDotNet.Attributes;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Benchmarks.Ledger;

/// <summary>In-memory cost of sealing and verifying entries: the CPU part of posting and of `ltc ledger verify`.</summary>
[MemoryDiagnoser]
public class ChainBenchmarks
{
    private readonly List<JournalEntry> chain = [];

    [GlobalSetup]
    public void Setup()
    {
        var books = new TenantBooks("bench", StandardChart.For("bench"));
        for (var i = 0; i < 10_000; i++)
            books.Post(new EntryDraft(new DateOnly(2027, 1, 5), "压测缴费", new SourceDocument(SourceDocumentType.Bill, $"B{i}"),
                $"k{i}", [Posting.Debit(StandardChart.FundSpecialAccount, 12m),
                    Posting.Credit(StandardChart.ContributionIncome(Domain.Vocabulary.Payer.Individual), 12m)]),
                DateTimeOffset.UnixEpoch);
        chain.AddRange(books.Entries);
    }

    [Benchmark]
    public string HashOneEntry() => EntryHash.Compute(chain[0]);

    [Benchmark]
    public bool VerifyTenThousandEntries() => ChainVerifier.Verify("bench", chain).IsIntact;
}
