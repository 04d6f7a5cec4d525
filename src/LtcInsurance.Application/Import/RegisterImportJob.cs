using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Import.EndRegisterImport;
using LtcInsurance.Application.Import.RunRegisterImport;
using LtcInsurance.Application.Jobs;

namespace LtcInsurance.Application.Import;

/// <summary>
/// The register import as a background job (<see cref="JobKinds.RegisterImport"/>, the same id as its import): sends
/// <see cref="RunRegisterImportCommand"/>. Staging and apply commit in batches and continue after the last one, so a job
/// recovered after its worker died loses nothing and writes nothing twice. A file that cannot be imported fails the
/// job with the reason; a failed or cancelled job's import is ended the same way and its staged rows deleted
/// (<see cref="EndRegisterImportCommand"/>).
/// </summary>
internal sealed class RegisterImportJob : IJobHandler
{
    public string Kind => JobKinds.RegisterImport;

    public static string Payload(Guid importId) => JsonSerializer.Serialize(new RegisterImportPayload(importId));

    private static Guid ImportId(ClaimedJob job) =>
        JsonSerializer.Deserialize<RegisterImportPayload>(job.Payload)?.ImportId is { } id && id != Guid.Empty ? id : job.Id;

    public async Task<JobOutcome> RunAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken)
    {
        var import = await sender.Send(new RunRegisterImportCommand(ImportId(job)), cancellationToken);
        if (import.Status != "completed")
            throw new JobFailedException(import.Message ?? "导入失败") { Code = "import_failed" };
        return new JobOutcome(
            $"{import.FileName}：共 {import.TotalRows} 行，有效 {import.ValidRows}，错误 {import.ErrorRows}，写入 {import.AppliedRows}",
            JsonSerializer.Serialize(new { import.TotalRows, import.ValidRows, import.ErrorRows, import.AppliedRows }));
    }

    public async Task CleanAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken) =>
        await sender.Send(new EndRegisterImportCommand(ImportId(job)), cancellationToken);
}

internal sealed record RegisterImportPayload(Guid ImportId);
