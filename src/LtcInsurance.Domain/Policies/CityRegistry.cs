using System.Text.RegularExpressions;
using LtcInsurance.Domain.Policies.Jining;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Shishi;
using LtcInsurance.Domain.Policies.Yulin;
using LtcInsurance.Domain.Policies.Yuzhong;
using LtcInsurance.Domain.Policies.Zhenjiang;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// The one list of city modules (<see cref="ICityModule"/>). <see cref="BuiltIn"/> holds the five cities the platform
/// ships; <see cref="Current"/> is what every part of the code reads (tenant ids, schemes, billing cycles, regions,
/// charts, examples). A registry is built from its modules (constructor); a test registers a city of its own for the
/// duration of a scope with <see cref="Use"/>, which changes <see cref="Current"/> for that async flow only.
/// </summary>
public sealed partial class CityRegistry
{
    private static readonly AsyncLocal<CityRegistry?> Scoped = new();

    private readonly Dictionary<string, ICityModule> _byId;

    public CityRegistry(IEnumerable<ICityModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        Modules = [.. modules];
        _byId = new Dictionary<string, ICityModule>(StringComparer.Ordinal);
        foreach (var module in Modules)
        {
            if (!IsWellFormedId(module.TenantId))
                throw new ArgumentException($"城市模块的租户代码「{module.TenantId}」无效：应以小写字母开头，只含小写字母、数字和下划线，至多 32 个字符。", nameof(modules));
            if (module.Scheme.Tenant != module.TenantId)
                throw new ArgumentException($"城市模块 {module.TenantId} 的险种方案属于 {module.Scheme.Tenant}。", nameof(modules));
            if (!_byId.TryAdd(module.TenantId, module))
                throw new ArgumentException($"城市模块 {module.TenantId} 重复登记。", nameof(modules));
        }

        TenantIds = [.. Modules.Select(m => m.TenantId)];
        Schemes = Modules.ToDictionary(m => m.TenantId, m => m.Scheme, StringComparer.Ordinal);
        DefaultParameters = Modules.ToDictionary(m => m.TenantId, m => m.Scheme.Parameters, StringComparer.Ordinal);
    }

    /// <summary>The cities the platform ships, in the order pages list them.</summary>
    public static CityRegistry BuiltIn { get; } = new(
    [
        new ZhenjiangModule(), new ShishiModule(), new JiningModule(), new YuzhongModule(), new YulinModule(),
    ]);

    /// <summary>The registry in force: the one a test put in place for its async flow (<see cref="Use"/>), else <see cref="BuiltIn"/>.</summary>
    public static CityRegistry Current => Scoped.Value ?? BuiltIn;

    /// <summary>
    /// Test hook: makes <paramref name="registry"/> the <see cref="Current"/> one for the calling async flow until the
    /// result is disposed (other flows, e.g. tests running in parallel, keep theirs). Call it from the test method itself,
    /// not from an async helper (an async method's changes to the flow do not reach its caller).
    /// </summary>
    public static IDisposable Use(CityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var previous = Scoped.Value;
        Scoped.Value = registry;
        return new Restore(previous);
    }

    public IReadOnlyList<ICityModule> Modules { get; }

    /// <summary>Every module's tenant id, in registry order.</summary>
    public IReadOnlyList<string> TenantIds { get; }

    public IReadOnlyDictionary<string, CityScheme> Schemes { get; }

    /// <summary>Every city's parameter definitions as shipped with its module.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ParameterDefinition>> DefaultParameters { get; }

    /// <summary>This registry with <paramref name="more"/> modules added after its own.</summary>
    public CityRegistry With(params ICityModule[] more) => new([.. Modules, .. more]);

    /// <summary>The module of <paramref name="tenantId"/>, or null when no city of that id is registered.</summary>
    public ICityModule? Find(string? tenantId) =>
        tenantId is not null && _byId.TryGetValue(tenantId, out var module) ? module : null;

    /// <summary>The module of <paramref name="tenantId"/>; an unknown id is a <see cref="PolicyException"/> (unknown_tenant).</summary>
    public ICityModule Get(string? tenantId) =>
        Find(tenantId) ?? throw new PolicyException(ErrorCodes.UnknownTenant,
            $"未知租户 {tenantId}（已登记的城市：{string.Join("、", TenantIds)}）");

    /// <summary>Tenant-id form: what <c>tenants.id</c> and the row-level-security setting accept.</summary>
    public static bool IsWellFormedId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex IdPattern();

    private sealed class Restore(CityRegistry? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
