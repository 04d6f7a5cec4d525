using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Accounts.ConfirmPassword;

/// <summary>
/// The signed-in user proves again that they are at the keyboard by typing their password (before approving a large
/// payment). True when it is right. A wrong password counts towards the account's lockout, so a stolen session cannot
/// be used to guess it; nothing else changes (no new cookie).
/// </summary>
[AllowAnyUser]
public sealed record ConfirmPasswordCommand(string Password) : IRequest<bool>;
