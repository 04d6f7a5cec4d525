using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.ListRecentImportJobs;

internal sealed class ListRecentImportJobsHandler(ILtcDbContext db)
    : IRequestHandler<ListRecentImportJobsQuery, IReadOnlyList<ImportJobView>>
{
    public async Task<IReadOnlyList<ImportJobView>> Handle(ListRecentImportJobsQuery request, CancellationToken cancellationToken) =>
        [.. (await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(request.Take)
            .ToListAsync(cancellationToken)).Select(ImportJobView.Of)];
}
