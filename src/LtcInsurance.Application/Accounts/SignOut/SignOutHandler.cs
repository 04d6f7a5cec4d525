using LtcInsurance.Application.Common.Messaging;

namespace LtcInsurance.Application.Accounts.SignOut;

internal sealed class SignOutHandler(ISignInService signIn) : IRequestHandler<SignOutCommand, bool>
{
    public async Task<bool> Handle(SignOutCommand request, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(cancellationToken);
        return true;
    }
}
