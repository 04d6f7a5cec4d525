using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.ListCatalogueVersions;

internal sealed class ListCatalogueVersionsQueryHandler(ILtcDbContext db)
    : IRequestHandler<ListCatalogueVersionsQuery, IReadOnlyList<CatalogueVersionView>>
{
    public async Task<IReadOnlyList<CatalogueVersionView>> Handle(ListCatalogueVersionsQuery request, CancellationToken cancellationToken) =>
        await db.Set<ServiceCatalogueVersion>().AsNoTracking().OrderByDescending(v => v.ValidFrom)
            .Select(v => new CatalogueVersionView(v.Id, v.ValidFrom, v.FileName, v.Sha256, v.ItemCount, v.ImportedBy, v.ImportedAt))
            .ToListAsync(cancellationToken);
}
