using LtcInsurance.Application.Claims;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Claims;

/// <summary>
/// One <c>pg_advisory_xact_lock</c> per tenant and person (key <c>claims-ytd:{tenant}:{person}</c> hashed by
/// <c>hashtextextended</c>), taken one statement at a time in ascending key order, so that callers locking overlapping sets
/// of people always wait in the same order and never deadlock; more than a few dozen people (a bulk approval) are locked
/// by one statement in the same order. Released at commit or rollback.
/// </summary>
internal sealed class BeneficiaryLocks(LtcDbContext db) : IBeneficiaryLocks
{
    private const int OneByOneUpTo = 32;

    public async Task LockAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("锁须在事务内获取 / a lock needs the caller's transaction");
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        if (personIds.Count == 0)
            return;
        var keys = personIds.Distinct().Select(p => $"claims-ytd:{tenant}:{p}").ToArray();
        if (keys.Length > OneByOneUpTo)
        {
            // many people (bulk approval): one statement takes the same locks one after the other in the same ascending
            // order (OFFSET 0 keeps the sorted subquery from being flattened into the locking projection)
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest({keys}) AS k ORDER BY 1 OFFSET 0) AS ordered
                """, cancellationToken);
            return;
        }

        var hashes = await db.Database.SqlQuery<long>(
                $"""SELECT DISTINCT hashtextextended(k, 0) AS "Value" FROM unnest({keys}) AS k ORDER BY 1""")
            .ToListAsync(cancellationToken);
        foreach (var hash in hashes)
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({hash})", cancellationToken);
    }
}
