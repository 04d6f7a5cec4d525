using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.DeactivateUser;

/// <summary>
/// An admin deactivates a user for good: they can never sign in again and their open sessions end; the row and its history are kept. An admin cannot deactivate themself, nor the city's last active admin. A city's admin acts on their own city's users only; a platform admin on any city's. Recorded in the
/// user's history.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record DeactivateUserCommand(string? UserId) : IRequest<UserCommandResult>;
