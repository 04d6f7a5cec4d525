using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Application.Common.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.ResumeRegisterImport;

internal sealed class ResumeRegisterImportHandler(
    ILtcDbContext db, IRegisterImportStore store, IRegisterFileReader reader, IPolicyEngine engine)
    : IRequestHandler<ResumeRegisterImportCommand, ImportJobView>
{
    public async Task<ImportJobView> Handle(ResumeRegisterImportCommand request, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JobId, cancellationToken)
            ?? throw new RequestValidationException($"导入任务 {request.JobId} 不存在。");
        if (job.Status == ImportJobStatus.Completed)
            return ImportJobView.Of(job);

        var run = new RegisterImportRun(db, store, reader, engine);
        var staged = job.Status is ImportJobStatus.Staged or ImportJobStatus.Applying
                     || (job.Status == ImportJobStatus.Failed && job.TotalRows > 0);
        if (!staged)
        {
            if (request.Reopen is null)
                throw new RequestValidationException("该导入任务尚未暂存完成，需要重新提供原文件。");
            await using var file = request.Reopen();
            if (!await run.StageAsync(job.Id, job.Format, file, cancellationToken))
                return await run.JobAsync(job.Id, cancellationToken);
        }

        await run.ApplyAsync(job.Id, cancellationToken);
        return await run.JobAsync(job.Id, cancellationToken);
    }
}
