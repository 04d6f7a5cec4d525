using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Jobs.GetJob;

internal sealed class GetJobHandler(ILtcDbContext db) : IRequestHandler<GetJobQuery, JobView?>
{
    public async Task<JobView?> Handle(GetJobQuery request, CancellationToken cancellationToken) =>
        await db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JobId, cancellationToken)
            is { } job ? JobView.Of(job) : null;
}
