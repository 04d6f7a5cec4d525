namespace LtcInsurance.Application.Claims;

/// <summary>
/// Serialises the use of one beneficiary's yearly ceiling: approvals of different claims that settle the same people take
/// a transaction-scoped lock per tenant and person before they read what is already settled, so the second reads the
/// first's approved lines and the ceiling cannot be exceeded. Must be called inside <c>ILtcDbContext.InTransactionAsync</c>.
/// </summary>
public interface IBeneficiaryLocks
{
    /// <summary>
    /// Locks the current tenant's <paramref name="personIds"/> until the caller's transaction ends, always in the same
    /// order (so two callers never deadlock); a second caller waits here until the first commits or rolls back.
    /// </summary>
    Task LockAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default);
}
