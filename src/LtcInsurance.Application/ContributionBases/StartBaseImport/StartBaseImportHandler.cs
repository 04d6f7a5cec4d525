using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.EnqueueJob;

namespace LtcInsurance.Application.ContributionBases.StartBaseImport;

internal sealed class StartBaseImportHandler(ILtcDbContext db, JobEnqueuer jobs) : IRequestHandler<StartBaseImportCommand, JobView>
{
    public async Task<JobView> Handle(StartBaseImportCommand request, CancellationToken cancellationToken)
    {
        if (db.CurrentTenantId is null)
            throw new RequestValidationException("没有当前租户：请先选择要管理的城市。");
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await request.File.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var name = RegisterCellText.SafeFileName(request.FileName);
        var payload = JsonSerializer.Serialize(new BaseImportPayload(name, RegisterFileFormats.Of(request.FileName)!));
        return JobView.Of(await jobs.EnqueueAsync(JobKinds.BaseImport, payload, (name, content), cancellationToken));
    }
}

internal sealed record BaseImportPayload(string FileName, string Format);
