using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Contributions.RunCollectionImport;
using LtcInsurance.Application.Jobs;

namespace LtcInsurance.Application.Contributions;

/// <summary>
/// The tax-bureau collection import as a durable background job (<see cref="JobKinds.CollectionImport"/>, the same id as
/// its import): sends <see cref="RunCollectionImportCommand"/>, which writes everything in one transaction, so a job
/// recovered after its worker died simply runs again (receipts are recorded once by their reference).
/// </summary>
internal sealed class CollectionImportJob : IJobHandler
{
    public string Kind => JobKinds.CollectionImport;

    public async Task<JobOutcome> RunAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken)
    {
        var import = await sender.Send(new RunCollectionImportCommand(job.Id), cancellationToken);
        if (import.Status != Domain.Contributions.CollectionImport.Completed)
            throw new JobFailedException(import.Message ?? "导入失败") { Code = "import_failed" };
        return new JobOutcome(
            $"{import.FileName}：共 {import.TotalRows} 行，新入账 {import.RecordedRows}，已入账 {import.AlreadyRecordedRows}，错误 {import.ErrorRows}",
            JsonSerializer.Serialize(new { import.TotalRows, import.RecordedRows, import.AlreadyRecordedRows, import.ErrorRows }));
    }
}
