using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.RecordPayment;

/// <summary>
/// One transaction: lock the bill's row, then read its receipts and the reference (so a concurrent payment of the
/// same bill has either committed and is counted, or waits for this one), check the amount against what is
/// outstanding (the bill's rule), insert the receipt with who recorded it and book it under a key derived from the
/// reference. Recording the same receipt again finds the row and the entry and writes nothing.
/// </summary>
internal sealed class RecordPaymentHandler(
    ILtcDbContext db, IRowLocks locks, ILedgerPostingService ledger, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordPaymentCommand, PaymentRecorded>
{
    public async Task<PaymentRecorded> Handle(RecordPaymentCommand request, CancellationToken cancellationToken)
    {
        var reference = request.Reference.Trim();
        var billId = request.Bill.Value;
        var account = await ContributionAccounts.LoadAsync(db, cancellationToken);
        try
        {
            // The payment row and its entry commit together (the posting service joins this transaction), and the
            // bill stays locked until then: the lock comes before the ledger's, in every writer of payments.
            return await db.InTransactionAsync(async ct =>
            {
                if (!await locks.LockBillAsync(request.Bill, ct))
                    throw new BillingRefusedException("unknown_bill", "缴费单不存在");
                var bill = await db.ContributionBills.Include(b => b.Payments).SingleAsync(b => b.Id == billId, ct);

                if (request.Method == PaymentMethods.PensionWithholding)
                {
                    // YL 二(三)（续）: withheld from the pension, for retirees, where the city's document provides it.
                    var employment = await db.InsuredPeople.Where(p => p.Id == bill.PersonId).Select(p => p.Employment).SingleAsync(ct);
                    var clause = CityRegistry.Current.Find(bill.TenantId)?.PensionWithholdingClause;
                    BusinessRule.Check(new PensionWithholdingOnlyForRetirees(clause, employment == EmploymentStatus.Retired));
                }

                var stored = await db.ContributionPayments.SingleOrDefaultAsync(p => p.Reference == reference, ct);
                if (stored is not null && (stored.BillId != bill.Id || stored.Amount != request.Amount))
                    throw new BillingRefusedException("reference_reused", $"缴费凭证号 {reference} 已用于另一笔缴费");
                var payment = stored
                              ?? bill.RecordPayment(reference, request.Amount, request.PaidOn, clock.GetUtcNow(), user.Name(), request.Method);
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

                return new PaymentRecorded(payment.Id, new EntrySequence(posting.Entry.Sequence), stored is not null,
                    bill.Outstanding);
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ContributionAccounts.IsUniqueViolation(ex))
        {
            // The same reference was recorded at the same moment against another bill and won; nothing of this
            // attempt was committed.
            throw new BillingRefusedException("concurrent_payment", $"缴费凭证号 {reference} 正在另一处登记，请稍后查询");
        }
    }
}
