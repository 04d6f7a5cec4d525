using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Users.UnlockUser;

internal sealed class UnlockUserHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<UnlockUserCommand, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(UnlockUserCommand request, CancellationToken cancellationToken)
    {
        if (await UserAdmin.TargetAsync(current, directory, users, request.UserId!, cancellationToken) is not { } target)
            return UserAdmin.NotFound();
        var now = clock.GetUtcNow();
        switch (target.StatusAt(now))
        {
            case UserStatus.Deactivated:
                return UserAdmin.Deactivated(target);
            case UserStatus.Active:
                return UserCommandResult.Refused($"「{target.DisplayName}」未被锁定。");
        }

        var change = new UserChange(UserActions.Unlock, target.TenantId!, target.Id, target.UserName, current.Name(), now, "解除锁定。");
        return await users.ApplyAsync(change, cancellationToken) == UserChangeOutcome.Done
            ? new UserCommandResult(true, target.Id)
            : UserAdmin.NotFound();
    }
}
