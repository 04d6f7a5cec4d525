using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Users.DeactivateUser;

internal sealed class DeactivateUserHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<DeactivateUserCommand, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(DeactivateUserCommand request, CancellationToken cancellationToken)
    {
        if (await UserAdmin.TargetAsync(current, directory, users, request.UserId!, cancellationToken) is not { } target)
            return UserAdmin.NotFound();
        if (UserAdmin.IsSelf(current, target))
            return UserCommandResult.Refused("不能停用自己的账户。");
        if (target.DeactivatedAt is not null)
            return UserAdmin.Deactivated(target);

        var change = new UserChange(UserActions.Deactivate, target.TenantId!, target.Id, target.UserName, current.Name(),
            clock.GetUtcNow(), "停用账户（不能再登录，记录保留），原有登录会话已结束。", ProtectLastAdmin: true);
        return await users.ApplyAsync(change, cancellationToken) switch
        {
            UserChangeOutcome.Done => new UserCommandResult(true, target.Id),
            UserChangeOutcome.LastAdmin => UserAdmin.LastAdmin(target),
            _ => UserAdmin.NotFound(),
        };
    }
}
