using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Users.LockUser;

internal sealed class LockUserHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<LockUserCommand, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(LockUserCommand request, CancellationToken cancellationToken)
    {
        if (await UserAdmin.TargetAsync(current, directory, users, request.UserId!, cancellationToken) is not { } target)
            return UserAdmin.NotFound();
        if (UserAdmin.IsSelf(current, target))
            return UserCommandResult.Refused("不能锁定自己的账户。");
        var now = clock.GetUtcNow();
        switch (target.StatusAt(now))
        {
            case UserStatus.Deactivated:
                return UserAdmin.Deactivated(target);
            case UserStatus.Locked:
                return UserCommandResult.Refused($"「{target.DisplayName}」已处于锁定状态。");
        }

        var change = new UserChange(UserActions.Lock, target.TenantId!, target.Id, target.UserName, current.Name(), now,
            "锁定账户，原有登录会话已结束。", ProtectLastAdmin: true);
        return await users.ApplyAsync(change, cancellationToken) switch
        {
            UserChangeOutcome.Done => new UserCommandResult(true, target.Id),
            UserChangeOutcome.LastAdmin => UserAdmin.LastAdmin(target),
            _ => UserAdmin.NotFound(),
        };
    }
}
