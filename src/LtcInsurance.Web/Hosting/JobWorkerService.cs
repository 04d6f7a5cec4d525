using LtcInsurance.Application.Jobs;

namespace LtcInsurance.Web.Hosting;

/// <summary>
/// The web app's background job worker (billing runs, register imports): on start it recovers jobs whose worker died
/// (stale heartbeat), then claims and runs queued jobs until the app stops; a job running at shutdown goes back to the
/// queue. Off with <c>Ltc:Jobs:Enabled=false</c> (then <c>ltc jobs run-once</c> runs the queue). docs/operations.md.
/// </summary>
internal sealed partial class JobWorkerService(JobWorker worker, ILogger<JobWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        Started(logger, worker.Id);
        await worker.RunAsync(stoppingToken);
        Stopped(logger, worker.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {Worker} started")]
    private static partial void Started(ILogger logger, string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {Worker} stopped")]
    private static partial void Stopped(ILogger logger, string worker);
}
