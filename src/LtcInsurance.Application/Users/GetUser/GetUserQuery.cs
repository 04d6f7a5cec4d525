using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.GetUser;

/// <summary>
/// One user with the history of what admins did to them (newest first), or null when there is no such city user.
/// A city's admin is refused another city's user.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record GetUserQuery(string? UserId) : IRequest<UserDetail?>;

/// <param name="Status">The user's standing now.</param>
public sealed record UserDetail(UserAccount User, UserStatus Status, IReadOnlyList<UserAdminActionItem> History);
