using LtcInsurance.Application.Claims.CreatePaymentBatch;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.PayBatch;

internal sealed class PayBatchHandler(ILtcDbContext db, ILedgerPostingService ledger, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<PayBatchCommand, PaymentBatchView>
{
    public async Task<PaymentBatchView> Handle(PayBatchCommand request, CancellationToken cancellationToken)
    {
        return await ClaimStepRunner.InTransactionAsync(db, user, clock, async (by, now, ct) =>
        {
            var batch = await db.Set<PaymentBatch>().SingleOrDefaultAsync(b => b.Id == request.BatchId, ct);
            ClaimRule.Check(batch is null, ClaimCodes.BatchNotFound, ClaimClauses.Handling, "未找到该拨付批次");
            batch!.Pay(request.PaidOn, by, now);
            var claims = await db.Set<Claim>().Where(c => c.PaymentBatchId == batch.Id).ToListAsync(ct);
            foreach (var claim in claims)
                claim.MarkPaid(by, now);
            await db.SaveChangesAsync(ct);

            var view = await PaymentBatches.ViewAsync(db, batch, ct);
            var regions = await db.Institutions.AsNoTracking().Where(i => view.Parts.Select(p => p.InstitutionId).Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, i => i.RegionCode, ct);
            var netByRegion = view.Parts.GroupBy(p => regions[p.InstitutionId]).Select(g => (g.Key, g.Sum(p => p.Net))).ToList();
            var draft = ClaimPosting.Payment(batch, netByRegion, request.PaidOn, await ClaimLookup.AccountsAsync(db, ct));
            if (draft is not null)
            {
                var posting = await ledger.PostAsync(draft, ct);
                batch.RecordPosting(posting.Entry.Sequence);
                await db.SaveChangesAsync(ct);
            }

            return view with { Status = batch.Status, JournalSequence = batch.JournalSequence };
        }, cancellationToken);
    }
}
