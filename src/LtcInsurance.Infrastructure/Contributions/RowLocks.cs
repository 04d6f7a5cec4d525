using LtcInsurance.Application.Contributions;
using LtcInsurance.Domain;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Contributions;

/// <summary>
/// <c>SELECT … FOR NO KEY UPDATE</c> on the bill's row, in the caller's transaction (row-level security keeps it to the
/// tenant). NO KEY UPDATE serializes writers of the same bill but does not block the foreign-key checks of payments
/// inserted by the lock holder. The application role holds UPDATE on <c>journal_sequence</c> only, which is the
/// privilege PostgreSQL asks for to take the lock.
/// </summary>
internal sealed class RowLocks(LtcDbContext db) : IRowLocks
{
    public async Task<bool> LockBillAsync(BillId bill, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("行锁须在事务内获取 / a row lock needs the caller's transaction");
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var found = await db.Database.SqlQuery<int>(
                $"""SELECT 1 AS "Value" FROM contribution_bills WHERE tenant_id = {tenant} AND id = {bill.Value} FOR NO KEY UPDATE""")
            .ToListAsync(cancellationToken);
        return found.Count == 1;
    }

    public async Task<IReadOnlySet<Guid>> LockBillsAsync(IReadOnlyCollection<Guid> bills, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bills);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("行锁须在事务内获取 / a row lock needs the caller's transaction");
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var ids = bills.Distinct().Order().ToArray();
        if (ids.Length == 0)
            return new HashSet<Guid>();
        var found = await db.Database.SqlQuery<Guid>(
                $"""SELECT id AS "Value" FROM contribution_bills WHERE tenant_id = {tenant} AND id = ANY({ids}) ORDER BY id FOR NO KEY UPDATE""")
            .ToListAsync(cancellationToken);
        return found.ToHashSet();
    }

    public async Task LockReceivableAsync(string period, string payer, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("锁须在事务内获取 / a lock needs the caller's transaction");
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var key = $"receivable:{tenant}:{period}:{payer}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
