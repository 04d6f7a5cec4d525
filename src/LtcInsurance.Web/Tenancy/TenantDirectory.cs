using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Tenants.ListTenants;
using Microsoft.Extensions.Caching.Memory;

namespace LtcInsurance.Web.Tenancy;

public sealed record TenantSummary(string Id, string NameZh, string NameEn)
{
    /// <summary>The name in the UI language: Chinese unless the user chose English.</summary>
    public string Name => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameZh;
}

/// <summary>
/// Names of the tenants, for the top bar and the admin's tenant switch (<see cref="ListTenantsQuery"/>). There are a
/// handful and they rarely change, so they are cached briefly for every user.
/// </summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly object CacheKey = new();

    public async Task<IReadOnlyList<TenantSummary>> AllAsync(CancellationToken cancellationToken = default)
    {
        var tenants = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            // The sender of a scope of our own: this directory is shared by every request (a singleton).
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            return (IReadOnlyList<TenantSummary>)[
                .. (await sender.Send(new ListTenantsQuery(), cancellationToken))
                    .Select(t => new TenantSummary(t.Id, t.NameZh, t.NameEn)),
            ];
        });
        return tenants ?? [];
    }

    /// <summary>Drops the cached list, so that a tenant just opened (/admin/cities) appears on the next read on this node.</summary>
    public void Forget() => cache.Remove(CacheKey);

    public async Task<TenantSummary?> FindAsync(string? tenantId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(tenantId))
            return null;
        var all = await AllAsync(cancellationToken);
        return all.FirstOrDefault(t => t.Id == tenantId);
    }
}
