using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users;

namespace LtcInsurance.Application.Users.ListUsers;

/// <summary>
/// The users an admin may see, with their roles: a platform admin (no tenant of their own) every user, or those of
/// <paramref name="TenantId"/> when given; a city's own admin only the users of their city.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ListUsersQuery(string? TenantId = null) : IRequest<IReadOnlyList<UserListItem>>;
