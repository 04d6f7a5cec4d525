using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Common.Policies;

/// <summary>
/// <see cref="IPolicyEngine"/> over <c>parameter_versions</c> (tenant-filtered, row-level security behind it). One per
/// handler scope; the stored versions read are kept per (tenant, moment) for the scope's life.
/// </summary>
internal sealed class PolicyEngine(ILtcDbContext db, TimeProvider clock) : IPolicyEngine
{
    private readonly Dictionary<(string, DateTimeOffset?), VersionedParameterProvider> _providers = [];

    public IReadOnlyList<ParameterDefinition>? Shipped(string tenant) =>
        PolicyCalculator.DefaultParameters.TryGetValue(tenant, out var list) ? list : null;

    public async Task<PolicyCalculator> ForTenantAsync(string tenant, DateTimeOffset? knownAt = null, CancellationToken cancellationToken = default) =>
        new(await ProviderAsync(tenant, knownAt, cancellationToken));

    public async Task<IParameterProvider> ParametersAsync(string tenant, DateTimeOffset? knownAt = null, CancellationToken cancellationToken = default) =>
        await ProviderAsync(tenant, knownAt, cancellationToken);

    private async Task<VersionedParameterProvider> ProviderAsync(string tenant, DateTimeOffset? knownAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        if (_providers.TryGetValue((tenant, knownAt), out var cached))
            return cached;
        var moment = PolicyMoments.Truncate(knownAt ?? clock.GetUtcNow());
        var shipped = Shipped(tenant);
        var approved = new List<ApprovedParameterValue>();
        if (shipped is not null)
        {
            var rows = await db.Set<StoredParameterVersion>().AsNoTracking()
                .Where(v => v.TenantId == tenant && v.Status == StoredParameterVersion.Approved && v.DecidedAt <= moment)
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                // A version of a parameter the module no longer declares is history only.
                if (shipped.FirstOrDefault(d => d.Name == row.Name) is not { } definition)
                    continue;
                var value = ParameterValueText.TryParse(definition, row.Value, out var error)
                    ?? throw new PolicyException(ErrorCodes.InvalidInput, $"参数 {row.Name} 第 {row.Version} 版的取值已不符合其类型：{error}");
                approved.Add(new ApprovedParameterValue(row.Name, row.Version, row.EffectiveFrom, row.EffectiveTo, value,
                    row.DecidedAt!.Value, row.SourceDocument));
            }
        }

        var provider = new VersionedParameterProvider(PolicyCalculator.DefaultParameters, tenant, approved);
        _providers[(tenant, knownAt)] = provider;
        return provider;
    }
}
