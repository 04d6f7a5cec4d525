using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Tenants.ListCityModules;

/// <summary>
/// Every registered city module and whether it is a tenant yet (with who opened it and when): the platform admin's
/// page lists the ones not yet opened to create them (<see cref="AddTenant.AddTenantCommand"/>).
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ListCityModulesQuery : IRequest<IReadOnlyList<CityModuleItem>>;

/// <summary>A registered city: its ids and names, scheme start, billing unit, and the tenant it became (if any).</summary>
public sealed record CityModuleItem(
    string TenantId,
    string NameZh,
    string NameEn,
    DateOnly SchemeStart,
    bool YearlyBilling,
    int Regions,
    bool IsTenant,
    string? CreatedBy,
    DateTimeOffset? CreatedAt);
