namespace LtcInsurance.Domain.Vocabulary;

/// <summary>
/// Administrative division codes (GB/T 2260, six digits) of the five pilot cities and their districts and counties,
/// with their names, so that a page shows 京口区（321102） rather than a bare code. Covers every code the tenants,
/// the demo register and the designated institutions use; any other code is shown as it is.
/// </summary>
public static class RegionCodes
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // 江苏省镇江市 (ZJ)
        ["321100"] = "镇江市",
        ["321102"] = "京口区",
        ["321111"] = "润州区",
        ["321112"] = "丹徒区",
        ["321181"] = "丹阳市",
        ["321182"] = "扬中市",
        ["321183"] = "句容市",
        // 福建省泉州市石狮市 (SS): the county-level city is the whole scheme.
        ["350581"] = "石狮市",
        // 山东省济宁市 (JN)
        ["370800"] = "济宁市",
        ["370811"] = "任城区",
        ["370812"] = "兖州区",
        ["370826"] = "微山县",
        ["370827"] = "鱼台县",
        ["370828"] = "金乡县",
        ["370829"] = "嘉祥县",
        ["370830"] = "汶上县",
        ["370831"] = "泗水县",
        ["370832"] = "梁山县",
        ["370881"] = "曲阜市",
        ["370883"] = "邹城市",
        // 重庆市渝中区 (YZ)
        ["500103"] = "渝中区",
        // 广西壮族自治区玉林市 (YL)
        ["450900"] = "玉林市",
        ["450902"] = "玉州区",
        ["450903"] = "福绵区",
        ["450921"] = "容县",
        ["450922"] = "陆川县",
        ["450923"] = "博白县",
        ["450924"] = "兴业县",
        ["450981"] = "北流市",
    };

    /// <summary>The name of the division <paramref name="code"/> stands for; null when the code is not known here.</summary>
    public static string? NameOf(string? code) =>
        code is not null && Names.TryGetValue(code.Trim(), out var name) ? name : null;

    /// <summary>"京口区（321102）"; the bare code when its name is not known (never an empty label for a code).</summary>
    public static string Label(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        return NameOf(trimmed) is { } name ? $"{name}（{trimmed}）" : trimmed;
    }
}
