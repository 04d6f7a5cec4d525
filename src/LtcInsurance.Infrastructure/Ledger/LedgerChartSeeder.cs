using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>Gives a tenant its standard chart of accounts (<see cref="StandardChart"/>); safe to run again.</summary>
public static class LedgerChartSeeder
{
    /// <summary>
    /// Adds the standard accounts (and, with <paramref name="regions"/> as code → name, one sub-account of each per
    /// region) that the current tenant of <paramref name="db"/> does not have yet. Returns how many were added.
    /// </summary>
    public static async Task<int> SeedAsync(LtcDbContext db, IReadOnlyDictionary<string, string>? regions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var wanted = regions is null ? StandardChart.For(tenant) : StandardChart.For(tenant, regions);
        var existing = await db.Set<LedgerAccountRecord>().Select(a => a.Code).ToListAsync(cancellationToken);
        var missing = wanted.Where(a => !existing.Contains(a.Code)).Select(a => a.ToRecord()).ToList();
        if (missing.Count == 0)
            return 0;
        db.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return missing.Count;
    }
}
