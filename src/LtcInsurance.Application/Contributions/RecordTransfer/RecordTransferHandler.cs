using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.RecordTransfer;

/// <summary>
/// One transaction: take the receivable's lock (period and payer), find the reference, read what each region still
/// owes, split and check the amount (the transfer's rules), book the one entry, insert the transfer with its entry's
/// sequence. The same transfer again finds its row and writes nothing.
/// </summary>
internal sealed class RecordTransferHandler(
    ILtcDbContext db, IRowLocks locks, ILedgerPostingService ledger, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordTransferCommand, TransferRecorded>
{
    public async Task<TransferRecorded> Handle(RecordTransferCommand request, CancellationToken cancellationToken)
    {
        var reference = request.Reference.Trim();
        var period = request.Period.Trim();
        var account = await ContributionAccounts.LoadAsync(db, cancellationToken);
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                await locks.LockReceivableAsync(period, request.Payer, ct);
                var stored = await db.Set<ContributionTransfer>().AsNoTracking().Include(t => t.Lines)
                    .SingleOrDefaultAsync(t => t.Reference == reference, ct);
                if (stored is not null)
                {
                    if (stored.Period != period || stored.Payer != request.Payer || stored.Amount != request.Amount)
                        throw new BillingRefusedException("reference_reused", $"到账凭证号 {reference} 已用于另一笔到账");
                    return Answer(stored, true, await OutstandingAsync(period, request.Payer, ct));
                }

                var open = (await Receivables.LoadAsync(db, period, request.Payer, ct))
                    .ToDictionary(r => r.RegionCode, r => r.Outstanding, StringComparer.Ordinal);
                var transfer = ContributionTransfer.Record(db.CurrentTenantId!, reference, period, request.Payer, request.Amount,
                    request.ReceivedOn, open, clock.GetUtcNow(), user.Name());
                var posting = await ledger.PostAsync(ContributionPosting.ForTransfer(transfer, account), ct);
                if (posting.DiffersFromRequest)
                    throw new InvalidOperationException($"账簿中到账凭证 {reference} 的记账与登记金额不一致 / ledger entry differs from the transfer");
                transfer.RecordPosting(posting.Entry.Sequence);
                db.Set<ContributionTransfer>().Add(transfer);
                await db.SaveChangesAsync(ct);
                return Answer(transfer, false, open.Values.Sum() - transfer.Amount);
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ContributionAccounts.IsUniqueViolation(ex))
        {
            throw new BillingRefusedException("concurrent_payment", $"到账凭证号 {reference} 正在另一处登记，请稍后查询");
        }
    }

    private async Task<decimal> OutstandingAsync(string period, string payer, CancellationToken ct) =>
        (await Receivables.LoadAsync(db, period, payer, ct)).Sum(r => r.Outstanding);

    private static TransferRecorded Answer(ContributionTransfer transfer, bool already, decimal outstanding) =>
        new(transfer.Id, transfer.JournalSequence ?? 0, already, outstanding,
            [.. transfer.Lines.Select(l => new TransferRegionShare(l.RegionCode.Trim(), l.Amount))]);
}
