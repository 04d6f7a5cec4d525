using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.UnlockUser;

/// <summary>
/// An admin unlocks a locked user (locked by an admin or by failed sign-ins); the failure count starts again. A city's admin acts on their own city's users only; a platform admin on any city's. Recorded in the
/// user's history.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record UnlockUserCommand(string? UserId) : IRequest<UserCommandResult>;
