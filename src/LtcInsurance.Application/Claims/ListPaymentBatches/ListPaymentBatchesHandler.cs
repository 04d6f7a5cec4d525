using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.ListPaymentBatches;

internal sealed class ListPaymentBatchesHandler(ILtcDbContext db) : IRequestHandler<ListPaymentBatchesQuery, PaymentBatchesOverview>
{
    public async Task<PaymentBatchesOverview> Handle(ListPaymentBatchesQuery request, CancellationToken cancellationToken)
    {
        var batches = db.Set<PaymentBatch>().AsNoTracking();
        var total = await batches.CountAsync(cancellationToken);
        var page = await batches.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Skip(request.Skip).Take(request.Take)
            .ToListAsync(cancellationToken);
        var ids = page.Select(b => b.Id).ToList();
        var claims = await (
                from c in db.Set<Claim>().AsNoTracking()
                join i in db.Institutions.AsNoTracking() on c.InstitutionId equals i.Id
                where c.PaymentBatchId != null && ids.Contains(c.PaymentBatchId.Value)
                orderby i.Code, c.ServiceMonth
                select new { BatchId = c.PaymentBatchId!.Value, c.Id, c.Number, i.Code, i.Name, c.ServiceMonth, c.Status, c.Fund })
            .ToListAsync(cancellationToken);
        var recoveries = await RecoveriesAsync(r => r.DeductedInBatchId != null && ids.Contains(r.DeductedInBatchId.Value), cancellationToken);
        var outstanding = await RecoveriesAsync(r => r.DeductedInBatchId == null, cancellationToken);
        return new PaymentBatchesOverview(total,
            [
                .. page.Select(b => new PaymentBatchSummary(b.Id, b.Number, b.Status, b.Gross, b.Deducted, b.Net, b.CreatedBy, b.CreatedAt, b.PaidOn,
                    b.PaidBy, b.JournalSequence,
                    [.. claims.Where(c => c.BatchId == b.Id).Select(c => new BatchClaim(c.Id, c.Number, c.Code, c.Name, Month.Of(c.ServiceMonth).ToString(),
                        c.Status, c.Fund))],
                    [.. recoveries.Where(r => r.DeductedInBatchId == b.Id)])),
            ],
            outstanding);
    }

    private async Task<List<RecoveryItem>> RecoveriesAsync(System.Linq.Expressions.Expression<Func<ClaimRecovery, bool>> which,
        CancellationToken cancellationToken) =>
        await (
                from r in db.Set<ClaimRecovery>().AsNoTracking().Where(which)
                join c in db.Set<Claim>().AsNoTracking() on r.ClaimId equals c.Id
                join l in db.Set<ClaimLine>().AsNoTracking() on r.ClaimLineId equals l.Id
                join i in db.Institutions.AsNoTracking() on r.InstitutionId equals i.Id
                orderby r.RecordedAt, r.Id
                select new RecoveryItem(r.Id, r.ClaimId, c.Number, l.LineNo, i.Code, i.Name, r.Amount, r.Reason, r.RecordedBy, r.RecordedAt,
                    r.DeductedInBatchId))
            .ToListAsync(cancellationToken);
}
