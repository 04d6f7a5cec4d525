using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Users;

namespace LtcInsurance.Application.Users.ListUsers;

internal sealed class ListUsersHandler(ICurrentUser current, IUserDirectory users)
    : IRequestHandler<ListUsersQuery, IReadOnlyList<UserListItem>>
{
    public async Task<IReadOnlyList<UserListItem>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var user = current.User;
        // The directory says whether the caller has a tenant of their own; a caller it does not know (the command
        // line's operator, a job) has the tenant it acts for.
        var account = user.UserId is { } id ? await users.FindAsync(id, cancellationToken) : null;
        var ownTenant = account is not null ? account.TenantId : user.TenantId;
        if (ownTenant is null)
            return await users.ListAsync(string.IsNullOrEmpty(request.TenantId) ? null : request.TenantId, cancellationToken);
        if (!string.IsNullOrEmpty(request.TenantId) && request.TenantId != ownTenant)
            throw new ForbiddenAccessException("只能查看本市的用户。");
        return await users.ListAsync(ownTenant, cancellationToken);
    }
}
