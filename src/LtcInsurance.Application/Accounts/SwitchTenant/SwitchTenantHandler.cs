using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Users;

namespace LtcInsurance.Application.Accounts.SwitchTenant;

internal sealed class SwitchTenantHandler(ICurrentUser current, IUserDirectory users, ISignInService signIn)
    : IRequestHandler<SwitchTenantCommand, bool>
{
    public async Task<bool> Handle(SwitchTenantCommand request, CancellationToken cancellationToken)
    {
        var user = current.User;
        var account = user.UserId is { } id ? await users.FindAsync(id, cancellationToken) : null;
        // The directory, not the cookie, says whether the user has a tenant of their own.
        if (account is null || account.TenantId is not null)
            throw new ForbiddenAccessException("只有平台管理员可以切换城市。");
        var tenant = string.IsNullOrEmpty(request.TenantId) ? null : request.TenantId;
        return await signIn.ActAsTenantAsync(account.Id, tenant, cancellationToken);
    }
}
