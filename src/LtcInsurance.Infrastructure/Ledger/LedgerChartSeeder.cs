using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>Gives a tenant its standard chart of accounts (<see cref="StandardChart"/>); safe to run again.</summary>
public static class LedgerChartSeeder
{
    /// <summary>
    /// Adds the standard accounts of <paramref name="tenantId"/> (and, with <paramref name="regions"/> as
    /// region code → name, one sub-account of each per region) that it does not have yet; returns how many.
    /// Works as the owner role (demo seeding, no current tenant) and as the application role when the
    /// context's current tenant is <paramref name="tenantId"/> (row-level security admits nothing else).
    /// </summary>
    public static async Task<int> SeedAsync(LtcDbContext db, string tenantId,
        IReadOnlyDictionary<string, string>? regions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = regions is null ? StandardChart.For(tenantId) : StandardChart.For(tenantId, regions);
        var existing = await db.Set<LedgerAccountRecord>().IgnoreQueryFilters()
            .Where(a => a.TenantId == tenantId).Select(a => a.Code).ToListAsync(cancellationToken);
        var missing = wanted.Where(a => !existing.Contains(a.Code)).Select(a => a.ToRecord()).ToList();
        if (missing.Count == 0)
            return 0;
        db.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var record in missing)
            db.Entry(record).State = EntityState.Detached;
        return missing.Count;
    }

    /// <summary>The standard chart with the tenant's default region split (<see cref="StandardChart.DefaultRegions"/>).</summary>
    public static Task<int> SeedDefaultAsync(LtcDbContext db, string tenantId, CancellationToken cancellationToken = default) =>
        SeedAsync(db, tenantId, StandardChart.DefaultRegions(tenantId), cancellationToken);
}
