using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Jobs.CancelJob;

internal sealed class CancelJobHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock, IRegisterImportStore imports)
    : IRequestHandler<CancelJobCommand, JobView>
{
    public async Task<JobView> Handle(CancelJobCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var message = $"已由 {user.User.UserName} 取消；已完成的部分保留，可继续执行";
        // One statement, conditional on the status: a worker claiming or finishing the job at the same moment either
        // sees it cancelled or has already ended it (then nothing changes here and the clerk is told so).
        var changed = await db.Set<BackgroundJob>()
            .Where(j => j.Id == request.JobId && (j.Status == BackgroundJobStatus.Queued || j.Status == BackgroundJobStatus.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, BackgroundJobStatus.Cancelled)
                .SetProperty(j => j.Message, message)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
        var job = await db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JobId, cancellationToken)
                  ?? throw new RequestValidationException($"作业 {request.JobId} 不存在。");
        if (changed == 0)
            throw new RequestValidationException($"作业已{JobView.Of(job).StatusText}，不能取消。");
        // A register import's job has its import's id: the import is ended with it at once (a queued one never reaches a
        // worker; a running one's worker ends it again when it stops), its staged rows deleted.
        if (job.Kind == JobKinds.RegisterImport)
            await imports.EndAsync(job.Id, ImportJobStatus.Cancelled, message, cancellationToken);
        return JobView.Of(job);
    }
}
