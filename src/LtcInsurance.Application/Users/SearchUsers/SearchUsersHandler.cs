using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Users.SearchUsers;

internal sealed class SearchUsersHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<SearchUsersQuery, UserPage>
{
    public async Task<UserPage> Handle(SearchUsersQuery request, CancellationToken cancellationToken)
    {
        var ownTenant = await UserAdmin.OwnTenantAsync(current, directory, cancellationToken);
        var asked = string.IsNullOrWhiteSpace(request.TenantId) ? null : request.TenantId.Trim();
        if (ownTenant is not null && asked is not null && asked != ownTenant)
            throw new ForbiddenAccessException(UserAdmin.OtherCity);
        var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
        var role = string.IsNullOrEmpty(request.Role) ? null : request.Role;
        return await users.SearchAsync(
            new UserSearch(ownTenant ?? asked, text, role, request.Status, clock.GetUtcNow(), request.Page, request.PageSize),
            cancellationToken);
    }
}
