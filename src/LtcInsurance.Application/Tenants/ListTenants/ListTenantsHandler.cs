using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Tenants.ListTenants;

internal sealed class ListTenantsHandler(ILtcDbContext db) : IRequestHandler<ListTenantsQuery, IReadOnlyList<TenantListItem>>
{
    public async Task<IReadOnlyList<TenantListItem>> Handle(ListTenantsQuery request, CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking()
            .OrderBy(t => t.Id)
            .Select(t => new TenantListItem(t.Id, t.NameZh, t.NameEn))
            .ToListAsync(cancellationToken);
}
