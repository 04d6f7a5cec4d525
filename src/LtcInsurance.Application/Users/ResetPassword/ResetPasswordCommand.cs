using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.ResetPassword;

/// <summary>
/// An admin gives a user a new one-time password (returned once, stored only hashed); the user's open sessions end. A deactivated user's password is not reset. A city's admin acts on their own city's users only; a platform admin on any city's. Recorded in the
/// user's history.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ResetPasswordCommand(string? UserId) : IRequest<UserCommandResult>;
