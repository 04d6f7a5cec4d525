using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.EndRegisterImport;

internal sealed class EndRegisterImportHandler(ILtcDbContext db, IRegisterImportStore store)
    : IRequestHandler<EndRegisterImportCommand, ImportJobView?>
{
    public async Task<ImportJobView?> Handle(EndRegisterImportCommand request, CancellationToken cancellationToken)
    {
        var job = await db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.ImportId, cancellationToken);
        var status = job?.Status switch
        {
            BackgroundJobStatus.Failed => ImportJobStatus.Failed,
            BackgroundJobStatus.Cancelled => ImportJobStatus.Cancelled,
            null => ImportJobStatus.Failed,
            _ => (ImportJobStatus?)null,
        };
        if (status is { } ended)
        {
            var reason = job?.Message ?? "导入作业已不存在";
            await store.EndAsync(request.ImportId, ended,
                ended == ImportJobStatus.Failed && !reason.StartsWith("文件无法导入", StringComparison.Ordinal) ? $"导入失败：{reason}" : reason,
                cancellationToken);
        }

        return await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.ImportId, cancellationToken)
            is { } import ? ImportJobView.Of(import) : null;
    }
}
