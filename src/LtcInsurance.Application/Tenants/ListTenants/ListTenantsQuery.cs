using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Tenants.ListTenants;

/// <summary>
/// Every tenant (city scheme) by id, with its names: the top bar shows the user's city and a platform admin picks one
/// to act in, before any tenant is chosen. Names are not confidential, so any signed-in user may ask.
/// </summary>
[AllowAnyUser]
public sealed record ListTenantsQuery : IRequest<IReadOnlyList<TenantListItem>>;

/// <summary>A tenant's id and its Chinese and English names.</summary>
public sealed record TenantListItem(string Id, string NameZh, string NameEn);
