using System.Globalization;

namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>Where a resolved value came from.</summary>
public static class ParameterSource
{
    public const string Default = "default";
    public const string Tenant = "tenant";
    public const string Case = "case";
}

/// <summary>A parameter value as used by one calculation (recorded in its trace).</summary>
/// <param name="Version">The tenant's stored, approved version that supplied the value; null for a value shipped with the
/// city module or given with the case.</param>
public sealed record ResolvedParameter(string Name, string Clause, string Unit, object Value, DateOnly EffectiveFrom, string Source, int? Version = null)
{
    public decimal Number => Value switch
    {
        decimal d => d,
        int i => i,
        _ => throw new InvalidOperationException($"参数 {Name} 不是数值"),
    };

    public string Text => Value as string ?? throw new InvalidOperationException($"参数 {Name} 不是文本");

    public IReadOnlyList<string> Texts => Value as IReadOnlyList<string> ?? throw new InvalidOperationException($"参数 {Name} 不是列表");

    public bool Flag => Value is bool b ? b : throw new InvalidOperationException($"参数 {Name} 不是开关");

    public DateOnly Date => Value is DateOnly d ? d : throw new InvalidOperationException($"参数 {Name} 不是日期");

    public override string ToString() => Value switch
    {
        IReadOnlyList<string> list => $"{Name}=[{string.Join(',', list)}]",
        DateOnly d => $"{Name}={d:yyyy-MM-dd}",
        IFormattable f => $"{Name}={f.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{Name}={Value}",
    };
}
