namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>An approved, stored version of a tenant's parameter as the engine reads it.</summary>
/// <param name="To">Last day in force; open-ended when null.</param>
/// <param name="DecidedAt">When a second admin approved it: later decisions win over earlier ones on the same effective date.</param>
/// <param name="SourceDocument">The local document (or clause) that sets the value; shown beside the module's clause in traces.</param>
public sealed record ApprovedParameterValue(
    string Name, int Version, DateOnly From, DateOnly? To, object Value, DateTimeOffset DecidedAt, string SourceDocument);

/// <summary>
/// One tenant's parameters: the values shipped with its city module, with the tenant's approved stored versions on top.
/// On a day, the stored version in force (effective from ≤ day ≤ effective to) with the latest effective date wins
/// (on the same date, the one decided last), unless a shipped value takes effect later than it. Every value resolved
/// from a stored version carries its version number (<see cref="ResolvedParameter.Version"/>). Which versions are seen is
/// the caller's choice (the application passes those decided at or before the moment asked about), so a past
/// computation is repeated exactly after later changes.
/// </summary>
public sealed class VersionedParameterProvider(
    IReadOnlyDictionary<string, IReadOnlyList<ParameterDefinition>> defaults,
    string tenant,
    IReadOnlyList<ApprovedParameterValue> approved) : IParameterProvider
{
    public IReadOnlyList<ParameterDefinition> Definitions(string tenantId) =>
        DefaultsOf(tenantId).Select(d => d with { Values = Timeline(tenantId, d) }).ToList();

    private readonly ILookup<string, ApprovedParameterValue> _approvedByName = approved.ToLookup(v => v.Name, StringComparer.Ordinal);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, ParameterDefinition>> _index = new(StringComparer.Ordinal);

    public ResolvedParameter Resolve(string tenantId, string name, DateOnly date)
    {
        var definition = (_index.TryGetValue(tenantId, out var index) ? index : _index.GetOrAdd(tenantId, t => ParameterIndex.ByName(DefaultsOf(t))))
            .GetValueOrDefault(name)
            ?? throw new PolicyException(ErrorCodes.ParameterMissing, $"参数 {name} 未在租户 {tenantId} 中定义");
        var (value, stored) = ValueOn(tenantId, definition, date);
        if (stored is not null)
        {
            return new ResolvedParameter(name, $"{definition.Clause}；{stored.SourceDocument}", definition.Unit, stored.Value,
                stored.From, ParameterSource.Tenant, stored.Version);
        }

        if (value?.Value is null)
            throw LayeredParameterProvider.Missing(definition, date);
        return new ResolvedParameter(name, definition.Clause, definition.Unit, value.Value, value.From, ParameterSource.Default);
    }

    /// <summary>The shipped value and the stored version in force on <paramref name="date"/> (stored wins when not null).</summary>
    private (DatedValue? Shipped, ApprovedParameterValue? Stored) ValueOn(string tenantId, ParameterDefinition definition, DateOnly date)
    {
        var shipped = definition.ValueOn(date);
        // the last of a stable sort by (From, DecidedAt, Version) of the versions in force, without sorting
        ApprovedParameterValue? stored = null;
        foreach (var v in Stored(tenantId, definition.Name))
        {
            if (v.From <= date && (v.To is null || date <= v.To) && (stored is null || Later(v, stored) >= 0))
            {
                stored = v;
            }
        }

        return stored is not null && (shipped is null || stored.From >= shipped.From) ? (shipped, stored) : (shipped, null);
    }

    /// <summary>The values in force over time, one per change, for listing (stored versions noted as 第 N 版).</summary>
    private List<DatedValue> Timeline(string tenantId, ParameterDefinition definition)
    {
        var stored = Stored(tenantId, definition.Name).ToList();
        if (stored.Count == 0)
            return [.. definition.Values];
        var days = definition.Values.Select(v => v.From)
            .Concat(stored.Select(v => v.From))
            .Concat(stored.Where(v => v.To is { } to && to < DateOnly.MaxValue).Select(v => v.To!.Value.AddDays(1)))
            .Distinct().Order();
        var timeline = new List<DatedValue>();
        foreach (var day in days)
        {
            var (shipped, version) = ValueOn(tenantId, definition, day);
            var next = version is not null
                ? new DatedValue(day, version.Value, $"第 {version.Version} 版（{version.SourceDocument}）")
                : new DatedValue(day, shipped?.Value, shipped?.Note);
            if (timeline.Count > 0 && Equals(timeline[^1].Note, next.Note) && SameValue(timeline[^1].Value, next.Value))
                continue;
            timeline.Add(next);
        }

        return timeline;
    }

    private static bool SameValue(object? a, object? b) =>
        a is IEnumerable<string> x && b is IEnumerable<string> y && a is not string ? x.SequenceEqual(y) : Equals(a, b);

    private static int Later(ApprovedParameterValue a, ApprovedParameterValue b)
    {
        var byFrom = a.From.CompareTo(b.From);
        if (byFrom != 0)
            return byFrom;
        var byDecision = a.DecidedAt.CompareTo(b.DecidedAt);
        return byDecision != 0 ? byDecision : a.Version.CompareTo(b.Version);
    }

    private IEnumerable<ApprovedParameterValue> Stored(string tenantId, string name) =>
        tenantId == tenant ? _approvedByName[name] : [];

    private IReadOnlyList<ParameterDefinition> DefaultsOf(string tenantId) =>
        defaults.TryGetValue(tenantId, out var list)
            ? list
            : throw new PolicyException(ErrorCodes.UnknownTenant, $"未知租户 {tenantId}");
}
