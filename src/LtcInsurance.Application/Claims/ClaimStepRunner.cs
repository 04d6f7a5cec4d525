using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims;

/// <summary>
/// The frame of every clerk's step on claims and payment batches: who (the signed-in user) and when (the clock), one
/// transaction, and a race lost to another clerk refused with "请刷新后重试" instead of failing.
/// </summary>
internal static class ClaimStepRunner
{
    /// <summary>Runs <paramref name="step"/> in one transaction, given the signed-in user's name and the time now.</summary>
    public static async Task<T> InTransactionAsync<T>(ILtcDbContext db, ICurrentUser user, TimeProvider clock,
        Func<string, DateTimeOffset, CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        var by = user.Name();
        var now = clock.GetUtcNow();
        return await RefusingConcurrentAsync(() => db.InTransactionAsync(ct => step(by, now, ct), cancellationToken));
    }

    /// <summary>Saves, refusing the save when another clerk's change to the same claims committed first.</summary>
    public static Task SaveAsync(ILtcDbContext db, CancellationToken cancellationToken) =>
        RefusingConcurrentAsync(() => db.SaveChangesAsync(cancellationToken));

    private static async Task<T> RefusingConcurrentAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ClaimLookup.Concurrent();
        }
        catch (DbUpdateException e) when (ClaimLookup.IsUniqueViolation(e))
        {
            // the other clerk's change committed first (its history rows took the same ordinals)
            throw ClaimLookup.Concurrent();
        }
    }
}
