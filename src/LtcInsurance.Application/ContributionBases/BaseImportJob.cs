using System.Globalization;
using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.ContributionBases.RunBaseImport;
using LtcInsurance.Application.Jobs;

namespace LtcInsurance.Application.ContributionBases;

/// <summary>
/// The base-file import as a background job (<see cref="JobKinds.BaseImport"/>): sends <see cref="RunBaseImportCommand"/>.
/// Its bases commit in one transaction and a base already recorded is not recorded again, so a job recovered after its
/// worker died, or resumed, writes nothing twice. The result is the <see cref="BaseImportResult"/> as JSON.
/// </summary>
internal sealed class BaseImportJob : IJobHandler
{
    public string Kind => JobKinds.BaseImport;

    public async Task<JobOutcome> RunAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RunBaseImportCommand(job.Id), cancellationToken);
        return new JobOutcome(
            string.Create(CultureInfo.InvariantCulture,
                $"{result.FileName}：共 {result.TotalRows} 行，错误 {result.ErrorRows} 行，新增基数 {result.Added}，已有相同基数 {result.Unchanged}"),
            JsonSerializer.Serialize(result));
    }
}
