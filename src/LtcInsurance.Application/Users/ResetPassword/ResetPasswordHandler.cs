using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Tenants.AddTenant;

namespace LtcInsurance.Application.Users.ResetPassword;

internal sealed class ResetPasswordHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<ResetPasswordCommand, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        if (await UserAdmin.TargetAsync(current, directory, users, request.UserId!, cancellationToken) is not { } target)
            return UserAdmin.NotFound();
        if (target.DeactivatedAt is not null)
            return UserAdmin.Deactivated(target);
        var password = AddTenantHandler.OneTimePassword();
        var change = new UserChange(UserActions.ResetPassword, target.TenantId!, target.Id, target.UserName, current.Name(),
            clock.GetUtcNow(), "重置密码，已发放一次性密码；原有登录会话已结束。", Password: password);
        return await users.ApplyAsync(change, cancellationToken) == UserChangeOutcome.Done
            ? new UserCommandResult(true, target.Id, null, password)
            : UserAdmin.NotFound();
    }
}
