using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.EnqueueJob;
using LtcInsurance.Application.Supervision.RunSupervision;

namespace LtcInsurance.Application.Supervision.StartSupervisionRun;

internal sealed class StartSupervisionRunHandler(JobEnqueuer jobs) : IRequestHandler<StartSupervisionRunCommand, JobView>
{
    public async Task<JobView> Handle(StartSupervisionRunCommand request, CancellationToken cancellationToken)
    {
        var payload = SupervisionRunJob.Payload(request.Month?.Trim(), request.Scheduled);
        var job = await jobs.ActiveAsync(JobKinds.SupervisionRun, payload, cancellationToken)
                  ?? await jobs.EnqueueAsync(JobKinds.SupervisionRun, payload, null, cancellationToken);
        return JobView.Of(job);
    }
}

/// <summary>The supervision run as a background job: sends <see cref="RunSupervisionCommand"/>; its result is the run's as JSON.</summary>
internal sealed class SupervisionRunJob : IJobHandler
{
    public string Kind => JobKinds.SupervisionRun;

    public static string Payload(string? month, bool scheduled) => JsonSerializer.Serialize(new SupervisionRunPayload(month, scheduled));

    public async Task<JobOutcome> RunAsync(ClaimedJob job, ISender sender, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<SupervisionRunPayload>(job.Payload) ?? new SupervisionRunPayload(null, false);
        var result = await sender.Send(new RunSupervisionCommand(payload.Month, payload.Scheduled), cancellationToken);
        return new JobOutcome($"异常数据筛查 {string.Join("、", result.Months)}：检查明细 {result.Lines} 条，发现疑点 {result.Found} 个，新增 {result.RaisedTotal} 个",
            JsonSerializer.Serialize(result));
    }
}

internal sealed record SupervisionRunPayload(string? Month, bool Scheduled);
