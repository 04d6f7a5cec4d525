using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.ListBindableInstitutions;

/// <summary>
/// The designated (active) care institutions of a city an institution user may be bound to: a city's admin gets their
/// own city's, a platform admin those of <paramref name="TenantId"/>.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ListBindableInstitutionsQuery(string? TenantId = null) : IRequest<IReadOnlyList<BindableInstitution>>;
