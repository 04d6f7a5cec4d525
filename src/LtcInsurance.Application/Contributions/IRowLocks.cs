using LtcInsurance.Domain;

namespace LtcInsurance.Application.Contributions;

/// <summary>
/// Row locks held until the caller's transaction ends (the port behind <c>SELECT … FOR NO KEY UPDATE</c>). Must be
/// called inside <c>ILtcDbContext.InTransactionAsync</c>; whatever is read after the lock sees every change committed
/// by the writer that held it before.
/// </summary>
public interface IRowLocks
{
    /// <summary>
    /// Locks the current tenant's bill <paramref name="bill"/>: a second caller waits here until the first commits or
    /// rolls back. False when the tenant has no such bill.
    /// </summary>
    Task<bool> LockBillAsync(BillId bill, CancellationToken cancellationToken = default);

    /// <summary>
    /// Locks the current tenant's bills <paramref name="bills"/> (in id order, so two callers never deadlock); answers the
    /// ids found. Writers of payments lock bills before the ledger's lock.
    /// </summary>
    Task<IReadOnlySet<Guid>> LockBillsAsync(IReadOnlyCollection<Guid> bills, CancellationToken cancellationToken = default);

    /// <summary>
    /// Serializes the settlements of one payer's receivable of one period (a transaction-scoped advisory lock of the
    /// current tenant), so that two transfers recorded at once cannot together exceed what is outstanding.
    /// </summary>
    Task LockReceivableAsync(string period, string payer, CancellationToken cancellationToken = default);
}
