using LtcInsurance.Application.Common.Messaging;

namespace LtcInsurance.Application.Accounts.SignIn;

internal sealed class SignInHandler(ISignInService signIn) : IRequestHandler<SignInCommand, SignInOutcome>
{
    public Task<SignInOutcome> Handle(SignInCommand request, CancellationToken cancellationToken) =>
        signIn.PasswordSignInAsync(request.UserName.Trim(), request.Password, cancellationToken);
}
