using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.CreatePaymentBatch;

internal sealed class CreatePaymentBatchHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreatePaymentBatchCommand, PaymentBatchView>
{
    public async Task<PaymentBatchView> Handle(CreatePaymentBatchCommand request, CancellationToken cancellationToken)
    {
        var tenant = ClaimLookup.Tenant(db);
        DateOnly? month = Month.TryParse(request.Month?.Trim(), out var m) ? m.FirstDay : null;
        return await ClaimStepRunner.InTransactionAsync(db, user, clock, async (by, now, ct) =>
        {
            var claims = await db.Set<Claim>()
                .Where(c => c.Status == ClaimStatus.Approved && c.PaymentBatchId == null && (month == null || c.ServiceMonth == month))
                .OrderBy(c => c.ApprovedAt).ThenBy(c => c.Id).ToListAsync(ct);
            ClaimRule.Check(claims.Count == 0, ClaimCodes.NothingToPay, ClaimClauses.Handling, "没有已审定待拨付的申报");
            var count = await db.Set<PaymentBatch>().CountAsync(ct);
            var batch = new PaymentBatch
            {
                TenantId = tenant, Number = $"PAY-{ClaimLookup.Today(clock):yyyyMMdd}-{count + 1}", CreatedBy = by, CreatedAt = now,
            };
            foreach (var claim in claims)
                claim.AddToBatch(batch.Id, by, now);
            batch.Gross = claims.Sum(c => c.Fund);

            var providers = claims.Select(c => c.InstitutionId).Distinct().ToList();
            var open = await db.Set<ClaimRecovery>().Where(r => r.DeductedInBatchId == null && providers.Contains(r.InstitutionId))
                .OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(ct);
            foreach (var provider in providers)
            {
                var room = claims.Where(c => c.InstitutionId == provider).Sum(c => c.Fund);
                foreach (var recovery in open.Where(r => r.InstitutionId == provider))
                {
                    if (recovery.Amount > room)
                        continue; // waits for a larger payment
                    recovery.DeductedInBatchId = batch.Id;
                    room -= recovery.Amount;
                    batch.Deducted += recovery.Amount;
                }
            }

            db.Set<PaymentBatch>().Add(batch);
            await db.SaveChangesAsync(ct);
            return await PaymentBatches.ViewAsync(db, batch, ct);
        }, cancellationToken);
    }
}
