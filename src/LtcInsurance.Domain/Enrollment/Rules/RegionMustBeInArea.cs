using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>A person's region is one of the tenant's scheme area (<c>tenants.region_codes</c>).</summary>
public sealed class RegionMustBeInArea(string regionCode, IReadOnlyCollection<string> area) : IBusinessRule
{
    public string Code => "outside_scheme_area";

    public string Clause => RegisterClauses.Register;

    public string Message => $"所在地区「{regionCode}」不在本统筹区范围内";

    public bool IsBroken() => !area.Contains(regionCode);
}
