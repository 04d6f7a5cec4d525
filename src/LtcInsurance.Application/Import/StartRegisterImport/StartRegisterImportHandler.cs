using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Application.Common.Policies;

namespace LtcInsurance.Application.Import.StartRegisterImport;

internal sealed class StartRegisterImportHandler(
    ILtcDbContext db, IRegisterImportStore store, IRegisterFileReader reader, IPolicyEngine engine, ICurrentUser user,
    TimeProvider clock)
    : IRequestHandler<StartRegisterImportCommand, ImportJobView>
{
    public async Task<ImportJobView> Handle(StartRegisterImportCommand request, CancellationToken cancellationToken)
    {
        var run = new RegisterImportRun(db, store, reader, engine);
        var now = clock.GetUtcNow();
        var job = new ImportJob
        {
            TenantId = db.CurrentTenantId!, FileName = RegisterCellText.SafeFileName(request.FileName),
            Format = RegisterFileFormats.Of(request.FileName)!, CreatedAt = now, UpdatedAt = now, CreatedBy = user.Name(),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        if (await run.StageAsync(job.Id, job.Format, request.File, cancellationToken))
            await run.ApplyAsync(job.Id, cancellationToken);
        return await run.JobAsync(job.Id, cancellationToken);
    }
}
