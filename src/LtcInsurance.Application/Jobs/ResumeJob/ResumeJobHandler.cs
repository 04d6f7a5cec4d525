using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Jobs.ResumeJob;

internal sealed class ResumeJobHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ResumeJobCommand, JobView>
{
    public async Task<JobView> Handle(ResumeJobCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var message = $"已由 {user.User.UserName} 重新排队，等待后台继续执行";
        var changed = await db.Set<BackgroundJob>()
            .Where(j => j.Id == request.JobId && (j.Status == BackgroundJobStatus.Failed || j.Status == BackgroundJobStatus.Cancelled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, BackgroundJobStatus.Queued)
                .SetProperty(j => j.Message, message)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
        var job = await db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JobId, cancellationToken)
                  ?? throw new RequestValidationException($"作业 {request.JobId} 不存在。");
        if (changed == 0)
            throw new RequestValidationException($"作业{JobView.Of(job).StatusText}，不能继续（只有失败或已取消的作业可以继续）。");
        // A register import queued again stages its stored file afresh (its staged rows were deleted when it ended).
        if (job.Kind == JobKinds.RegisterImport)
            await db.ImportJobs.Where(i => i.Id == job.Id && i.Status != ImportJobStatus.Completed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, ImportJobStatus.Queued)
                    .SetProperty(i => i.Message, message)
                    .SetProperty(i => i.UpdatedAt, now), cancellationToken);
        return JobView.Of(job);
    }
}
