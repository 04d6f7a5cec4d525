using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.EnqueueJob;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Import.StartRegisterImport;

internal sealed class StartRegisterImportHandler(ILtcDbContext db, JobEnqueuer jobs, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<StartRegisterImportCommand, ImportJobView>
{
    public async Task<ImportJobView> Handle(StartRegisterImportCommand request, CancellationToken cancellationToken)
    {
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await request.File.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var now = clock.GetUtcNow();
        var import = new ImportJob
        {
            TenantId = db.CurrentTenantId!, FileName = RegisterCellText.SafeFileName(request.FileName),
            Format = RegisterFileFormats.Of(request.FileName)!, CreatedAt = now, UpdatedAt = now, CreatedBy = user.Name(),
            Status = ImportJobStatus.Queued, Message = "已排队，等待后台导入",
        };
        db.ImportJobs.Add(import);
        // The import row, its job and the file commit together: a job never runs without its import, nor the reverse.
        await jobs.EnqueueAsync(JobKinds.RegisterImport, RegisterImportJob.Payload(import.Id), (import.FileName, content),
            cancellationToken, import.Id);
        return ImportJobView.Of(import);
    }
}
