using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.EnqueueJob;
using LtcInsurance.Domain.Contributions;

namespace LtcInsurance.Application.Contributions.StartCollectionImport;

internal sealed class StartCollectionImportHandler(ILtcDbContext db, JobEnqueuer jobs, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<StartCollectionImportCommand, CollectionImportView>
{
    public async Task<CollectionImportView> Handle(StartCollectionImportCommand request, CancellationToken cancellationToken)
    {
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await request.File.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var now = clock.GetUtcNow();
        var import = new CollectionImport
        {
            TenantId = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant"),
            FileName = RegisterCellText.SafeFileName(request.FileName), Format = RegisterFileFormats.Of(request.FileName)!,
            CreatedAt = now, UpdatedAt = now, CreatedBy = user.Name(), Message = "已排队，等待后台导入",
        };
        db.Set<CollectionImport>().Add(import);
        // The import row, its job and the file commit together.
        await jobs.EnqueueAsync(JobKinds.CollectionImport, "{}", (import.FileName, content), cancellationToken, import.Id);
        return CollectionImportView.Of(import);
    }
}
