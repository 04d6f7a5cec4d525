using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Infrastructure.Contributions;

/// <summary>
/// Records receipts of individual contributions: the payment row (its reference unique per tenant) and its entry,
/// booked under a key derived from the reference, commit in one transaction. Recording the same receipt again finds
/// the row and the entry and writes nothing.
/// </summary>
public sealed class ContributionPaymentService(LtcDbContext db, ILedgerPostingService ledger, TimeProvider clock) : IContributionPayments
{
    private string Tenant => db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");

    public async Task<PaymentRecorded> RecordAsync(RecordPayment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var reference = payment.Reference.Trim();
        if (reference.Length is 0 or > 64)
            throw new BillingRefusedException("invalid_input", "缴费凭证号为空或超过64个字符");
        var bill = await db.Set<ContributionBill>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == payment.BillId, cancellationToken)
            ?? throw new BillingRefusedException("unknown_bill", "缴费单不存在");

        var stored = await db.Set<ContributionPayment>().AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, cancellationToken);
        var already = stored is not null;
        if (stored is not null && (stored.BillId != bill.Id || stored.Amount != payment.Amount))
            throw new BillingRefusedException("reference_reused", $"缴费凭证号 {reference} 已用于另一笔缴费");
        var account = await ContributionAccounts.LoadAsync(db, cancellationToken);
        long sequence;
        try
        {
            // The payment row and its entry commit together (the posting service joins this transaction).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (stored is null)
            {
                var amount = payment.Amount;
                if (amount <= 0 || Money.Round(amount) != amount)
                    throw new BillingRefusedException("invalid_amount", "缴费金额须大于零且最多两位小数");
                var paid = await PaidAsync(bill.Id, cancellationToken);
                if (amount > bill.IndividualDue - paid)
                    throw new BillingRefusedException("overpayment", $"缴费金额 {amount:0.00} 超过未缴金额 {bill.IndividualDue - paid:0.00}");
                stored = new ContributionPayment
                {
                    TenantId = Tenant, BillId = bill.Id, Reference = reference, Amount = amount, PaidOn = payment.PaidOn,
                    RecordedAt = clock.GetUtcNow(),
                };
                db.Add(stored);
                await db.SaveChangesAsync(cancellationToken);
            }

            var posting = await ledger.PostAsync(ContributionPosting.ForPayment(bill, stored, code => account(code, bill.RegionCode)), cancellationToken);
            if (posting.DiffersFromRequest)
                throw new InvalidOperationException($"账簿中缴费凭证 {reference} 的记账与登记金额不一致 / ledger entry differs from the payment");
            sequence = posting.Entry.Sequence;
            if (stored.JournalSequence != sequence)
            {
                var id = stored.Id;
                await db.Set<ContributionPayment>().Where(p => p.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.JournalSequence, sequence), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same receipt was recorded concurrently and won; nothing of this attempt was committed.
            throw new BillingRefusedException("concurrent_payment", $"缴费凭证号 {reference} 正在另一处登记，请稍后查询");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var outstanding = bill.IndividualDue - await PaidAsync(bill.Id, cancellationToken);
        return new PaymentRecorded(stored.Id, sequence, already, outstanding);
    }

    public async Task<Page<Arrear>> ArrearsAsync(string? period, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query =
            from b in db.Set<ContributionBill>()
            join p in db.InsuredPeople on new { b.TenantId, b.PersonId } equals new { p.TenantId, PersonId = p.Id }
            where period == null || b.Period == period
            let paid = db.Set<ContributionPayment>().Where(x => x.BillId == b.Id).Sum(x => (decimal?)x.Amount) ?? 0m
            where b.IndividualDue > paid
            select new { b.Id, b.PersonId, p.Name, b.Period, b.IndividualDue, Paid = paid };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.Period).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<Arrear>([.. rows.Select(r => new Arrear(r.Id, r.PersonId, r.Name, r.Period, r.IndividualDue, r.Paid))], total, skip, take);
    }

    private async Task<decimal> PaidAsync(Guid billId, CancellationToken cancellationToken) =>
        await db.Set<ContributionPayment>().Where(p => p.BillId == billId).SumAsync(p => p.Amount, cancellationToken);
}
