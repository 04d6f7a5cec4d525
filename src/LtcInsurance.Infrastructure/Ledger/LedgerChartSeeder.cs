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
        return await SeedAsync(db, tenantId, wanted, cancellationToken);
    }

    /// <summary>
    /// The chart the tenant's city module declares (<see cref="LtcInsurance.Domain.Policies.ICityModule.Chart"/>: the
    /// standard chart with its ledger regions); the bare standard chart for a tenant no module declares.
    /// </summary>
    public static async Task<int> SeedDefaultAsync(LtcDbContext db, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = LtcInsurance.Domain.Policies.CityRegistry.Current.Find(tenantId)?.Chart() ?? StandardChart.For(tenantId);
        return await SeedAsync(db, tenantId, wanted, cancellationToken);
    }

    /// <summary>Adds the accounts of <paramref name="wanted"/> that <paramref name="tenantId"/> does not have yet; returns how many.</summary>
    public static async Task<int> SeedAsync(LtcDbContext db, string tenantId, IReadOnlyList<Account> wanted,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(wanted);
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
}
