using LtcInsurance.Application.ApiClients;
using LtcInsurance.Domain.ApiClients;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.ApiClients;

/// <summary>
/// <see cref="IApiKeyDirectory"/> over a context of its own acting for the tenant the key names, as the application role:
/// row-level security admits that tenant's keys only, so a key can never be found in, or act for, another city.
/// </summary>
internal sealed class ApiKeyDirectory(LtcDatabaseEndpoint endpoint) : IApiKeyDirectory
{
    /// <summary>Last-used times are written at most this often per key (not one write per request).</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyCredential?> FindAsync(string tenantId, Guid keyId, CancellationToken cancellationToken = default)
    {
        await using var db = Open(tenantId);
        return await (
                from key in db.Set<ApiKey>().AsNoTracking()
                join institution in db.Set<Institution>().AsNoTracking() on new { key.TenantId, Id = key.InstitutionId } equals new { institution.TenantId, institution.Id }
                where key.Id == keyId
                select new ApiKeyCredential(key.TenantId, key.Id, key.Name, key.SecretHash, institution.Code, key.RevokedAt != null, key.LastUsedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task MarkUsedAsync(string tenantId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = Open(tenantId);
        var before = at - TouchInterval;
        await db.Set<ApiKey>()
            .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < before))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), cancellationToken);
    }

    private LtcDbContext Open(string tenantId) =>
        new(LtcDbContextOptions.ForApplication(endpoint.AppConnectionString), new FixedCurrentTenant(tenantId));
}
