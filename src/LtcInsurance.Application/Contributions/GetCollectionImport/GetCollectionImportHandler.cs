using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.GetCollectionImport;

internal sealed class GetCollectionImportHandler(ILtcDbContext db) : IRequestHandler<GetCollectionImportQuery, CollectionImportView?>
{
    public async Task<CollectionImportView?> Handle(GetCollectionImportQuery request, CancellationToken cancellationToken) =>
        await db.Set<CollectionImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.ImportId, cancellationToken) is { } import
            ? CollectionImportView.Of(import)
            : null;
}
