using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.VerifyLedger;

/// <summary>
/// Reads the current tenant's recorded head first, then the journal up to that head in sequence order, in batches
/// (entries, then their postings), through <see cref="ChainVerifier"/>, and compares the chain's end with the head (which
/// shows entries cut off the end). The head and its entries are written in one transaction, so every entry up to the head
/// read is committed; an entry posted while the verification runs lies beyond it and is left to the next verification
/// instead of being taken for a broken chain; an entry that lies beyond the head even after the
/// entries were read was added around the service and is reported.
/// </summary>
internal sealed class VerifyLedgerHandler(ILtcDbContext db) : IRequestHandler<VerifyLedgerQuery, VerificationResult>
{
    private const int BatchSize = 2000;

    public async Task<VerificationResult> Handle(VerifyLedgerQuery request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var verifier = new ChainVerifier(tenant);
        var head = await db.LedgerChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var upTo = head?.LastSequence ?? 0;
        long after = 0;
        var intact = true;
        while (intact)
        {
            var batch = await db.JournalEntries.AsNoTracking()
                .Where(e => e.Sequence > after && e.Sequence <= upTo).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
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
        verifier.CheckHead(upTo, head?.LastHash ?? EntryHash.Genesis);
        var lastStored = await db.JournalEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (lastStored > upTo)
        {
            // read after the entries: a posting committed meanwhile has moved the head past its entry
            var headNow = await db.LedgerChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            verifier.CheckNothingBeyondHead(lastStored, headNow?.LastSequence ?? 0);
        }
        return verifier.Result();
    }
}
