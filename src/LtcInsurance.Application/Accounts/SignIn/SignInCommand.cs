using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Accounts.SignIn;

/// <summary>Signs in with user name and password; the sign-in cookie goes with the current response.</summary>
[AllowAnonymousCaller]
public sealed record SignInCommand(string UserName, string Password) : IRequest<SignInOutcome>;
