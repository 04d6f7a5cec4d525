using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// Everything the platform knows about one city, declared in one place (<c>Policies/&lt;City&gt;/&lt;City&gt;Module.cs</c>):
/// its tenant id and names, its scheme (the rules and dated parameters), how it bills, the divisions it covers and the
/// ones its books are split by, its agency-fee ceiling, when its scheme starts, the explorer's example case and its
/// opening chart of accounts. The rest of the code asks the <see cref="CityRegistry"/>, never a list of cities of its own.
/// </summary>
public interface ICityModule
{
    /// <summary>Tenant id: lower-case letters, digits and '_', starting with a letter, at most 32 characters ("yulin").</summary>
    string TenantId { get; }

    /// <summary>Chinese name of the scheme area ("玉林市").</summary>
    string NameZh { get; }

    string NameEn { get; }

    /// <summary>The scheme's rules and documented parameters.</summary>
    CityScheme Scheme { get; }

    /// <summary>Yearly or monthly billing, with its clause.</summary>
    BillingCycle BillingCycle { get; }

    /// <summary>The day the scheme's implementing document takes effect (the tenant row's scheme start).</summary>
    DateOnly SchemeStart { get; }

    /// <summary>
    /// The administrative divisions of the city with their names, the city-level code first. Those
    /// <see cref="CityRegion.InScheme"/> are the tenant's region codes; the others are only named (e.g. Jining's
    /// counties outside the pilot).
    /// </summary>
    IReadOnlyList<CityRegion> Regions { get; }

    /// <summary>Codes of the regions the books are split by (a sub-ledger each); empty: the fund is pooled city-wide.</summary>
    IReadOnlyList<string> LedgerRegions { get; }

    /// <summary>The ceiling on agency (经办) costs, or null when the document sets none.</summary>
    AgencyFeeCeilingRule? AgencyFeeCeiling { get; }

    /// <summary>The starting point of the policy explorer's example cases.</summary>
    CityExample Example { get; }

    /// <summary>
    /// The clause that lets retirees' contributions be withheld from their pension (养老金代扣, e.g. YL 二(三)（续）), or null
    /// when the city's document provides no such withholding: a payment of kind <c>pension_withholding</c> is refused there.
    /// </summary>
    string? PensionWithholdingClause => null;

    /// <summary>
    /// The clause that admits individual care workers (个体服务人员) as providers under agreement (SS 二(五)1, YZ 四(一)1), or
    /// null when the city's document admits only institutions: registering an individual provider is refused there.
    /// </summary>
    string? IndividualProvidersClause => null;

    /// <summary>The chart of accounts a new tenant of this city starts with.</summary>
    IReadOnlyList<Account> Chart();
}

/// <summary>An administrative division (GB/T 2260 code) of a city, with its name; <paramref name="InScheme"/>: covered by the scheme.</summary>
public sealed record CityRegion(string Code, string Name, bool InScheme = true);

/// <summary>
/// What the explorer's example cases of a city are built from: a region inside the scheme area, a date in force, the
/// month and service mode of the settlement example with its level, whether the example person is a resident in
/// difficulty (a city that insures only special groups), the contribution period in the city's unit, a monthly wage
/// (cities that collect on the wage) and case parameters the settlement example needs.
/// </summary>
public sealed record CityExample(
    string RegionCode,
    DateOnly AsOf,
    string Month,
    ServiceMode SettlementMode,
    int? Level,
    string ContributionPeriod,
    bool ResidentInDifficulty = false,
    decimal? MonthlyWage = null,
    IReadOnlyDictionary<string, decimal>? SettlementParameters = null);

/// <summary>
/// The usual shape of a city module: subclasses declare the figures; the chart is the standard one
/// (<see cref="StandardChart"/>) with one sub-account of each per ledger region.
/// </summary>
public abstract class CityModule : ICityModule
{
    public abstract string TenantId { get; }

    public abstract string NameZh { get; }

    public abstract string NameEn { get; }

    public abstract CityScheme Scheme { get; }

    public abstract BillingCycle BillingCycle { get; }

    public abstract DateOnly SchemeStart { get; }

    public abstract IReadOnlyList<CityRegion> Regions { get; }

    public virtual IReadOnlyList<string> LedgerRegions => [];

    public virtual AgencyFeeCeilingRule? AgencyFeeCeiling => null;

    public abstract CityExample Example { get; }

    public virtual string? PensionWithholdingClause => null;

    public virtual string? IndividualProvidersClause => null;

    public virtual IReadOnlyList<Account> Chart() =>
        this.LedgerRegionNames() is { } regions ? StandardChart.For(TenantId, regions) : StandardChart.For(TenantId);
}

public static class CityModuleExtensions
{
    /// <summary>The ledger regions of <paramref name="module"/> with their names (code → name), or null when the books are not split.</summary>
    public static IReadOnlyDictionary<string, string>? LedgerRegionNames(this ICityModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.LedgerRegions.Count == 0
            ? null
            : module.LedgerRegions.ToDictionary(code => code,
                code => module.Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code, StringComparer.Ordinal);
    }

    /// <summary>The codes the scheme covers (the tenant row's region codes), the city-level code first.</summary>
    public static IReadOnlyList<string> SchemeRegionCodes(this ICityModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return [.. module.Regions.Where(r => r.InScheme).Select(r => r.Code)];
    }

    /// <summary>The tenant row a new tenant of <paramref name="module"/> starts with.</summary>
    public static Tenants.Tenant ToTenant(this ICityModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new Tenants.Tenant
        {
            Id = module.TenantId, NameZh = module.NameZh, NameEn = module.NameEn,
            RegionCodes = [.. module.SchemeRegionCodes()], SchemeStart = module.SchemeStart,
        };
    }
}
