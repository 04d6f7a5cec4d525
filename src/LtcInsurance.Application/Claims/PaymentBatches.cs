using LtcInsurance.Application.Claims.CreatePaymentBatch;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims;

/// <summary>Reads a batch with its parts per provider.</summary>
internal static class PaymentBatches
{
    public static async Task<PaymentBatchView> ViewAsync(ILtcDbContext db, PaymentBatch batch, CancellationToken cancellationToken)
    {
        var claims = await db.Set<Claim>().AsNoTracking().Where(c => c.PaymentBatchId == batch.Id)
            .Select(c => new { c.InstitutionId, c.Fund }).ToListAsync(cancellationToken);
        var recoveries = await db.Set<ClaimRecovery>().AsNoTracking().Where(r => r.DeductedInBatchId == batch.Id)
            .Select(r => new { r.InstitutionId, r.Amount }).ToListAsync(cancellationToken);
        var ids = claims.Select(c => c.InstitutionId).Distinct().ToList();
        var providers = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var parts = providers.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
        {
            var gross = claims.Where(c => c.InstitutionId == p.Id).Sum(c => c.Fund);
            var deducted = recoveries.Where(r => r.InstitutionId == p.Id).Sum(r => r.Amount);
            return new PaymentBatchPart(p.Id, p.Code, p.Name, claims.Count(c => c.InstitutionId == p.Id), gross, deducted, gross - deducted,
                p.BankName, p.BankAccountName, p.BankAccountNumber);
        }).ToList();
        return new PaymentBatchView(batch.Id, batch.Number, batch.Status, batch.Gross, batch.Deducted, batch.Net, parts, batch.JournalSequence);
    }
}
