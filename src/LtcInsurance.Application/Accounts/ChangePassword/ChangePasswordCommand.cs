using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Accounts.ChangePassword;

/// <summary>
/// The signed-in user replaces their password: the current one (a one-time password an admin issued, or their own),
/// then the new one twice. On success the one-time-password mark is cleared, every other copy of the session ends
/// (new security stamp) and this browser is signed in again. A wrong current password counts towards lockout.
/// </summary>
[AllowAnyUser]
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, string ConfirmPassword)
    : IRequest<PasswordChangeOutcome>;
