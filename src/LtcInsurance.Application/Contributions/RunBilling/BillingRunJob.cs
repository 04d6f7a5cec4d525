using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Jobs;

namespace LtcInsurance.Application.Contributions.RunBilling;

/// <summary>
/// The billing run as a background job (<see cref="JobKinds.BillingRun"/>): sends <see cref="RunBillingCommand"/> for the
/// payload's period. The run writes in batches and keeps what is written, so a resumed or recovered job continues. Its
/// result is the <see cref="BillingRunResult"/> as JSON (<see cref="BillingRunJobs.ReadResult"/>).
/// </summary>
public static class BillingRunJobs
{
    /// <summary>The run's result stored with a succeeded billing job; null for another job or one without a result.</summary>
    public static BillingRunResult? ReadResult(JobView job) =>
        job is { Kind: JobKinds.BillingRun, Status: JobView.Succeeded, Result: { } json }
            ? JsonSerializer.Deserialize<BillingRunResult>(json)
            : null;

    /// <summary>The period a billing job runs (from its payload); null for another job.</summary>
    public static string? Period(JobView job) =>
        job.Kind == JobKinds.BillingRun ? JsonSerializer.Deserialize<BillingRunPayload>(job.Payload)?.Period : null;

    /// <summary>The refusal code stored with a failed job (e.g. <c>parameter_missing</c>), if any.</summary>
    public static string? FailureCode(JobView job)
    {
        if (job is not { Status: JobView.Failed, Result: { } json })
            return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}

internal sealed class BillingRunJob : IJobHandler
{
    public string Kind => JobKinds.BillingRun;

    public static string Payload(string period) => JsonSerializer.Serialize(new BillingRunPayload(period));

    public async Task<JobOutcome> RunAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<BillingRunPayload>(job.Payload)
                      ?? throw new JobFailedException("作业参数缺失：没有缴费期间");
        BillingRunResult result;
        try
        {
            result = await sender.Send(new RunBillingCommand(payload.Period), cancellationToken);
        }
        catch (BillingRefusedException refused)
        {
            throw new JobFailedException(refused.Message, refused) { Code = refused.Code };
        }

        var summary = $"{result.Period}：新建缴费单 {result.BillsCreated}，已存在 {result.BillsAlreadyPresent}，记账 {result.EntriesPosted}，跳过 {result.Skipped.Count}";
        if (result.Reasons.Count > 0)
            summary += $"（未核定：{BillingSkipReasons.Describe(result.Reasons)}）";
        if (result.Warning)
            summary = "警告：" + summary;
        return new JobOutcome(summary, JsonSerializer.Serialize(result));
    }

}

internal sealed record BillingRunPayload(string Period);
