using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Reads the current tenant's journal in sequence order, in batches, through <see cref="ChainVerifier"/>, then
/// compares the chain's end with the recorded head (which shows entries cut off the end).
/// </summary>
public sealed class LedgerVerifier(LtcDbContext db) : ILedgerVerifier
{
    private const int BatchSize = 2000;

    public async Task<VerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var tenant = db.CurrentTenantId
            ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var verifier = new ChainVerifier(tenant);
        long after = 0;
        var intact = true;
        while (intact)
        {
            var batch = await db.Set<JournalEntryRecord>().AsNoTracking().Include(e => e.Postings)
                .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(BatchSize)
                .AsSplitQuery().ToListAsync(cancellationToken);
            foreach (var record in batch)
            {
                intact = verifier.Accept(record.ToDomain());
                if (!intact)
                    break;
            }
            if (batch.Count < BatchSize)
                break;
            after = batch[^1].Sequence;
        }
        var head = await db.Set<LedgerChainHeadRecord>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        verifier.CheckHead(head?.LastSequence ?? 0, head?.LastHash ?? EntryHash.Genesis);
        return verifier.Result();
    }
}
