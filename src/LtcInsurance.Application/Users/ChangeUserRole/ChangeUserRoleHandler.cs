using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.ChangeUserRole;

internal sealed class ChangeUserRoleHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<ChangeUserRoleCommand, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(ChangeUserRoleCommand request, CancellationToken cancellationToken)
    {
        if (await UserAdmin.TargetAsync(current, directory, users, request.UserId!, cancellationToken) is not { } target)
            return UserAdmin.NotFound();
        if (target.DeactivatedAt is not null)
            return UserAdmin.Deactivated(target);
        var role = request.Role!;
        if (target.Roles.Count == 1 && target.Role == role && target.InstitutionCode == request.Institution
            && target.AgencyCode == request.Agency)
            return UserCommandResult.Refused("角色和绑定都没有变化。");
        if (role == Roles.Institution)
        {
            var institutions = await users.InstitutionsAsync(target.TenantId!, cancellationToken);
            if (institutions.All(i => i.Code != request.Institution))
                return UserCommandResult.Refused($"本市没有代码为「{request.Institution}」的在用定点护理机构，不能绑定。");
        }

        var before = UserAdmin.RoleWithBinding(target.Role, target.InstitutionCode, target.AgencyCode);
        var after = UserAdmin.RoleWithBinding(role, request.Institution, request.Agency);
        var change = new UserChange(UserActions.ChangeRole, target.TenantId!, target.Id, target.UserName, current.Name(),
            clock.GetUtcNow(), $"角色由「{before}」改为「{after}」，原有登录会话已结束。",
            ProtectLastAdmin: role != Roles.Admin, Role: role, InstitutionCode: request.Institution, AgencyCode: request.Agency);
        return await users.ApplyAsync(change, cancellationToken) switch
        {
            UserChangeOutcome.Done => new UserCommandResult(true, target.Id),
            UserChangeOutcome.LastAdmin => UserAdmin.LastAdmin(target),
            _ => UserAdmin.NotFound(),
        };
    }
}
