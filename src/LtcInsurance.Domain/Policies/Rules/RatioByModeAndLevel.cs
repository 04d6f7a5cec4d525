using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Rules;

/// <summary>
/// Picks the fund's payment ratio by service mode and, where the document differentiates, by the
/// level of the designated medical institution (JN 医疗专护 70/65/60 at level 1/2/3).
/// </summary>
public static class RatioByModeAndLevel
{
    /// <param name="parameterByKey">parameter name per key "mode" or "mode:level".</param>
    public static (ResolvedParameter Ratio, TraceStep Step) Select(
        string clause,
        string mode,
        int? providerLevel,
        IReadOnlyDictionary<string, string> parameterByKey,
        Func<string, ResolvedParameter> resolve)
    {
        string? name;
        if (!parameterByKey.TryGetValue(mode, out name))
        {
            if (providerLevel is null && parameterByKey.Keys.Any(k => k.StartsWith(mode + ":", StringComparison.Ordinal)))
            {
                throw new PolicyException(ErrorCodes.ProviderLevelRequired, $"服务方式 {mode} 的支付比例按定点医疗机构级别确定，须提供 provider.medicalInstitutionLevel（依据 {clause}）");
            }

            if (!parameterByKey.TryGetValue($"{mode}:{providerLevel}", out name))
            {
                throw new PolicyException(ErrorCodes.ServiceModeNotOffered, $"服务方式 {mode}（机构级别 {providerLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "无"}）没有支付比例（依据 {clause}）");
            }
        }

        var ratio = resolve(name);
        var step = RuleNames.Step(
            RuleNames.RatioByModeAndLevel,
            clause,
            [ratio],
            new Dictionary<string, object?> { ["serviceMode"] = mode, ["medicalInstitutionLevel"] = providerLevel },
            new Dictionary<string, object?> { ["ratio"] = ratio.Number });
        return (ratio, step);
    }
}
