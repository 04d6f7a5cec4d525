using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Accounts.ConfirmPassword;

internal sealed class ConfirmPasswordHandler(ICurrentUser current, ISignInService signIn) : IRequestHandler<ConfirmPasswordCommand, bool>
{
    public async Task<bool> Handle(ConfirmPasswordCommand request, CancellationToken cancellationToken) =>
        current.User.UserId is { } userId && await signIn.CheckPasswordAsync(userId, request.Password, cancellationToken);
}
