using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Accounts.ChangePassword;

internal sealed class ChangePasswordHandler(ICurrentUser current, ISignInService signIn)
    : IRequestHandler<ChangePasswordCommand, PasswordChangeOutcome>
{
    public async Task<PasswordChangeOutcome> Handle(ChangePasswordCommand request, CancellationToken cancellationToken) =>
        current.User.UserId is { } userId
            ? await signIn.ChangePasswordAsync(userId, request.CurrentPassword, request.NewPassword, cancellationToken)
            : PasswordChangeOutcome.Refused("请先登录。");
}
