using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.LockUser;

/// <summary>
/// An admin locks a user: they cannot sign in until unlocked, and their open sessions end. An admin cannot lock themself, nor the city's last active admin. A city's admin acts on their own city's users only; a platform admin on any city's. Recorded in the
/// user's history.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record LockUserCommand(string? UserId) : IRequest<UserCommandResult>;
