using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Tenants.AddTenant;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Users.CreateUser;

internal sealed class CreateUserHandler(
    ILtcDbContext db, ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<CreateUserCommand, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var ownTenant = await UserAdmin.OwnTenantAsync(current, directory, cancellationToken);
        var asked = string.IsNullOrWhiteSpace(request.TenantId) ? null : request.TenantId.Trim();
        if (ownTenant is not null && asked is not null && asked != ownTenant)
            throw new ForbiddenAccessException(UserAdmin.OtherCity);
        var tenant = ownTenant ?? asked;
        if (tenant is null)
            return UserCommandResult.Refused("请选择新用户所属的城市。");
        if (!await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenant, cancellationToken))
            return UserCommandResult.Refused($"没有代码为「{tenant}」的城市。");

        var userName = request.TrimmedUserName;
        if (await users.UserNameExistsAsync(userName, cancellationToken))
            return Taken(userName);
        if (request.Role == Roles.Institution)
        {
            var institutions = await users.InstitutionsAsync(tenant, cancellationToken);
            if (institutions.All(i => i.Code != request.Institution))
                return UserCommandResult.Refused($"本市没有代码为「{request.Institution}」的在用定点护理机构，不能绑定。");
        }

        var id = Guid.CreateVersion7().ToString();
        var password = AddTenantHandler.OneTimePassword();
        var change = new UserChange(UserActions.Create, tenant, id, userName, current.Name(), clock.GetUtcNow(),
            $"创建用户「{request.TrimmedDisplayName}」，角色：{UserAdmin.RoleWithBinding(request.Role, request.Institution, request.Agency)}；已发放一次性密码。",
            DisplayName: request.TrimmedDisplayName, Role: request.Role, InstitutionCode: request.Institution,
            AgencyCode: request.Agency, Password: password);
        return await users.ApplyAsync(change, cancellationToken) switch
        {
            UserChangeOutcome.Done => new UserCommandResult(true, id, null, password),
            UserChangeOutcome.UserNameTaken => Taken(userName),
            var other => UserCommandResult.Refused($"未能创建用户（{other}）。"),
        };
    }

    private static UserCommandResult Taken(string userName) =>
        UserCommandResult.Refused($"用户名「{userName}」已被使用，请换一个。");
}
