using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Users.ListBindableInstitutions;

internal sealed class ListBindableInstitutionsHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users)
    : IRequestHandler<ListBindableInstitutionsQuery, IReadOnlyList<BindableInstitution>>
{
    public async Task<IReadOnlyList<BindableInstitution>> Handle(ListBindableInstitutionsQuery request, CancellationToken cancellationToken)
    {
        var ownTenant = await UserAdmin.OwnTenantAsync(current, directory, cancellationToken);
        var asked = string.IsNullOrWhiteSpace(request.TenantId) ? null : request.TenantId.Trim();
        if (ownTenant is not null && asked is not null && asked != ownTenant)
            throw new ForbiddenAccessException(UserAdmin.OtherCity);
        var tenant = ownTenant ?? asked;
        return tenant is null ? [] : await users.InstitutionsAsync(tenant, cancellationToken);
    }
}
