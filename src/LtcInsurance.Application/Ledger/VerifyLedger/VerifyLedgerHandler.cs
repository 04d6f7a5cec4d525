using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.VerifyLedger;

/// <summary>
/// Reads the current tenant's journal in sequence order, in batches (entries, then their postings), through
/// <see cref="ChainVerifier"/>, then compares the chain's end with the recorded head (which shows entries cut off the end).
/// </summary>
internal sealed class VerifyLedgerHandler(ILtcDbContext db) : IRequestHandler<VerifyLedgerQuery, VerificationResult>
{
    private const int BatchSize = 2000;

    public async Task<VerificationResult> Handle(VerifyLedgerQuery request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var verifier = new ChainVerifier(tenant);
        long after = 0;
        var intact = true;
        while (intact)
        {
            var batch = await db.JournalEntries.AsNoTracking()
                .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count > 0)
            {
                var last = batch[^1].Sequence;
                var postings = (await db.JournalPostings.AsNoTracking()
                        .Where(p => p.Sequence > after && p.Sequence <= last).ToListAsync(cancellationToken))
                    .ToLookup(p => p.Sequence);
                foreach (var record in batch)
                {
                    record.Postings = [.. postings[record.Sequence]];
                    intact = verifier.Accept(record.ToDomain());
                    if (!intact)
                        break;
                }
            }
            if (batch.Count < BatchSize)
                break;
            after = batch[^1].Sequence;
        }
        var head = await db.LedgerChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        verifier.CheckHead(head?.LastSequence ?? 0, head?.LastHash ?? EntryHash.Genesis);
        return verifier.Result();
    }
}
