using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Jobs.ListJobs;

internal sealed class ListJobsHandler(ILtcDbContext db) : IRequestHandler<ListJobsQuery, IReadOnlyList<JobView>>
{
    public async Task<IReadOnlyList<JobView>> Handle(ListJobsQuery request, CancellationToken cancellationToken)
    {
        var jobs = db.Set<BackgroundJob>().AsNoTracking();
        if (!string.IsNullOrEmpty(request.Kind))
            jobs = jobs.Where(j => j.Kind == request.Kind);
        return [.. (await jobs.OrderByDescending(j => j.CreatedAt).Take(request.Take).ToListAsync(cancellationToken)).Select(JobView.Of)];
    }
}
