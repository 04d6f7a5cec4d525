using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.RecordPayment;

/// <summary>
/// The payment row (its reference unique per tenant) and its entry, booked under a key derived from the reference,
/// commit in one transaction. Recording the same receipt again finds the row and the entry and writes nothing.
/// </summary>
internal sealed class RecordPaymentHandler(ILtcDbContext db, ILedgerPostingService ledger, TimeProvider clock)
    : IRequestHandler<RecordPaymentCommand, PaymentRecorded>
{
    public async Task<PaymentRecorded> Handle(RecordPaymentCommand request, CancellationToken cancellationToken)
    {
        var reference = request.Reference.Trim();
        var billId = request.Bill.Value;
        var bill = await db.ContributionBills.Include(b => b.Payments).SingleOrDefaultAsync(b => b.Id == billId, cancellationToken)
            ?? throw new BillingRefusedException("unknown_bill", "缴费单不存在");

        var stored = await db.ContributionPayments.SingleOrDefaultAsync(p => p.Reference == reference, cancellationToken);
        var already = stored is not null;
        if (stored is not null && (stored.BillId != bill.Id || stored.Amount != request.Amount))
            throw new BillingRefusedException("reference_reused", $"缴费凭证号 {reference} 已用于另一笔缴费");
        var account = await ContributionAccounts.LoadAsync(db, cancellationToken);
        try
        {
            // The payment row and its entry commit together (the posting service joins this transaction).
            var (payment, sequence) = await db.InTransactionAsync(async ct =>
            {
                var payment = stored ?? bill.RecordPayment(reference, request.Amount, request.PaidOn, clock.GetUtcNow());
                if (stored is null)
                    await db.SaveChangesAsync(ct);

                var posting = await ledger.PostAsync(
                    ContributionPosting.ForPayment(bill, payment, code => account(code, bill.RegionCode)), ct);
                if (posting.DiffersFromRequest)
                    throw new InvalidOperationException($"账簿中缴费凭证 {reference} 的记账与登记金额不一致 / ledger entry differs from the payment");
                if (payment.JournalSequence != posting.Entry.Sequence)
                {
                    payment.RecordPosting(posting.Entry.Sequence);
                    await db.SaveChangesAsync(ct);
                }

                return (payment, posting.Entry.Sequence);
            }, cancellationToken);
            return new PaymentRecorded(payment.Id, new EntrySequence(sequence), already, bill.Outstanding);
        }
        catch (DbUpdateException ex) when (ContributionAccounts.IsUniqueViolation(ex))
        {
            // The same receipt was recorded concurrently and won; nothing of this attempt was committed.
            throw new BillingRefusedException("concurrent_payment", $"缴费凭证号 {reference} 正在另一处登记，请稍后查询");
        }
    }
}
