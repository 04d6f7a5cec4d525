using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Policies.ListPolicyParameters;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Policies.ListParameterStatus;

/// <summary>
/// Each parameter's value in force on the day as the engine would read it now (shipped or approved version), what an
/// unset one blocks (<see cref="ParameterTopics.Blocks"/>), and the proposals waiting. Null when the user acts for no
/// tenant or the tenant has no city module.
/// </summary>
internal sealed class ListParameterStatusHandler(ILtcDbContext db, IPolicyEngine engine, TimeProvider clock)
    : IRequestHandler<ListParameterStatusQuery, ParameterStatusList?>
{
    public async Task<ParameterStatusList?> Handle(ListParameterStatusQuery request, CancellationToken cancellationToken)
    {
        if (db.CurrentTenantId is not { } tenant || engine.Shipped(tenant) is not { } shipped)
            return null;
        var day = request.AsOf ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var provider = await engine.ParametersAsync(tenant, null, cancellationToken);
        var stored = await db.Set<StoredParameterVersion>().AsNoTracking()
            .Where(v => v.Status == StoredParameterVersion.Proposed || v.Status == StoredParameterVersion.Approved)
            .Select(v => new { v.Name, v.Version, v.Status, v.Demo })
            .ToListAsync(cancellationToken);
        var pending = stored.Where(v => v.Status == StoredParameterVersion.Proposed).GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Count());
        var demo = stored.Where(v => v.Demo).Select(v => (v.Name, v.Version)).ToHashSet();

        var all = new List<ParameterStatus>();
        foreach (var definition in shipped)
        {
            var topic = ParameterTopics.Of(definition.Name);
            ResolvedParameter? value = null;
            try
            {
                value = provider.Resolve(tenant, definition.Name, day);
            }
            catch (PolicyException missing) when (missing.Code == ErrorCodes.ParameterMissing)
            {
                // unset on that day
            }

            all.Add(new ParameterStatus(definition.Name, definition.Label, topic, ParameterVersionViews.KindName(definition.Kind),
                definition.Unit, definition.Clause,
                value is null ? null : ParameterValueText.Format(definition.Kind, value.Value),
                value?.EffectiveFrom, value?.Version,
                value?.Version is { } version && demo.Contains((definition.Name, version)),
                value is null ? ParameterTopics.Blocks(topic) : [],
                pending.GetValueOrDefault(definition.Name)));
        }

        var shown = all
            .Where(p => request.Topic is null || p.Topic == request.Topic)
            .Where(p => !request.UnsetOnly || p.Unset)
            .OrderBy(p => ParameterTopics.Ordered.ToList().IndexOf(p.Topic))
            .ToList();
        return new ParameterStatusList(tenant, day, all.Count(p => p.Unset), all.Sum(p => p.Pending), shown);
    }
}
