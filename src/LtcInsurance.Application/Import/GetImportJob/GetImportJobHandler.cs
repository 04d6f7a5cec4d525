using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.GetImportJob;

internal sealed class GetImportJobHandler(ILtcDbContext db) : IRequestHandler<GetImportJobQuery, ImportJobView?>
{
    public async Task<ImportJobView?> Handle(GetImportJobQuery request, CancellationToken cancellationToken) =>
        await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JobId, cancellationToken) is { } job
            ? ImportJobView.Of(job)
            : null;
}
