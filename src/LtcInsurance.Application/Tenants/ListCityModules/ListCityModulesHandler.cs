using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Tenants.AddTenant;
using LtcInsurance.Application.Users;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Tenants.ListCityModules;

internal sealed class ListCityModulesHandler(ILtcDbContext db, ICurrentUser current, IUserDirectory users)
    : IRequestHandler<ListCityModulesQuery, IReadOnlyList<CityModuleItem>>
{
    public async Task<IReadOnlyList<CityModuleItem>> Handle(ListCityModulesQuery request, CancellationToken cancellationToken)
    {
        await PlatformAdmin.DemandAsync(current, users, "只有平台管理员可以查看和开通城市模块。", cancellationToken);
        var tenants = await db.Tenants.AsNoTracking()
            .Select(t => new { t.Id, t.CreatedBy, t.CreatedAt })
            .ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
        return
        [
            .. CityRegistry.Current.Modules.Select(m =>
            {
                var tenant = tenants.GetValueOrDefault(m.TenantId);
                return new CityModuleItem(m.TenantId, m.NameZh, m.NameEn, m.SchemeStart, m.BillingCycle.Yearly,
                    m.SchemeRegionCodes().Count, tenant is not null, tenant?.CreatedBy, tenant?.CreatedAt);
            }),
        ];
    }
}
