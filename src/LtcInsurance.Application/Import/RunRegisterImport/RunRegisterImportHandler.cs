using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.RunRegisterImport;

internal sealed class RunRegisterImportHandler(
    ILtcDbContext db, IRegisterImportStore store, IRegisterFileReader reader, IPolicyEngine engine, TimeProvider clock)
    : IRequestHandler<RunRegisterImportCommand, ImportJobView>
{
    public async Task<ImportJobView> Handle(RunRegisterImportCommand request, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.ImportId, cancellationToken)
            ?? throw new RequestValidationException($"导入任务 {request.ImportId} 不存在。");
        if (job.Status == ImportJobStatus.Completed)
            return ImportJobView.Of(job);

        var run = new RegisterImportRun(db, store, reader, engine, clock);
        if (job.Status is not (ImportJobStatus.Staged or ImportJobStatus.Applying))
        {
            var file = await db.Set<BackgroundJobFile>().AsNoTracking()
                           .SingleOrDefaultAsync(f => f.JobId == request.ImportId, cancellationToken)
                       ?? throw new JobFailedException("导入文件已不在数据库中，请重新上传");
            using var content = new MemoryStream(file.Content, writable: false);
            // Staging batches committed by a worker that died are kept and continued; any other start stages afresh.
            if (!await run.StageAsync(job.Id, job.Format, content, resume: job.Status == ImportJobStatus.Staging, cancellationToken))
                return await run.JobAsync(job.Id, cancellationToken);
        }

        await run.ApplyAsync(job.Id, cancellationToken);
        // The file has served its purpose: a completed import is never run again.
        await db.Set<BackgroundJobFile>().Where(f => f.JobId == request.ImportId).ExecuteDeleteAsync(cancellationToken);
        return await run.JobAsync(job.Id, cancellationToken);
    }
}
