using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Accounts.SignOut;

/// <summary>Ends the signed-in user's session (the sign-in cookie is removed with the current response).</summary>
[AllowAnyUser]
public sealed record SignOutCommand : IRequest<bool>;
