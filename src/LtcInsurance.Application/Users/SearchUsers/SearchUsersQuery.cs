using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.SearchUsers;

/// <summary>
/// One page of users for the user administration page: by name or user name (<paramref name="Text"/>, contains),
/// role and status. A city's admin sees only their city's users (asking for another city is refused); a platform admin
/// every city's, or <paramref name="TenantId"/>'s.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record SearchUsersQuery(
    string? TenantId = null, string? Text = null, string? Role = null, UserStatus? Status = null, int Page = 0, int PageSize = 25)
    : IRequest<UserPage>;
