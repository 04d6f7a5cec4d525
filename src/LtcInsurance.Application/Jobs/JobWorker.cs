using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtcInsurance.Application.Jobs;

/// <summary>Timings of the job worker.</summary>
public sealed class JobWorkerOptions
{
    /// <summary>How often a running job's heartbeat (and progress) is written, and a cancellation noticed.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running job whose heartbeat is older than this has lost its worker (killed, machine gone).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Starts after which a job whose worker died is failed rather than queued again.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long an idle worker waits before looking for queued jobs again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When the worker is stopped (host shutdown), put its running job back in the queue at once. Off only in tests
    /// that simulate a kill: the row then stays running with a heartbeat that goes stale.
    /// </summary>
    public bool ReleaseOnStop { get; set; } = true;
}

/// <summary>
/// Runs background jobs: claims them from <see cref="IJobQueue"/>, runs each through its <see cref="IJobHandler"/>
/// acting for the job's tenant as the job's operator (<c>job:&lt;who queued it&gt;</c>, every role: the role was checked
/// when the job was queued), keeps its heartbeat and progress fresh while it runs, stops it when a clerk cancels it, and
/// ends it as succeeded or failed with the reason. Before looking for work it recovers jobs whose worker died (stale
/// heartbeat). The web app runs one in a hosted service; the CLI runs one in process (<c>ltc jobs run-once</c>, and
/// <c>ltc billing run</c> / <c>ltc import register</c> for the job they queue).
/// </summary>
public sealed class JobWorker
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IJobQueue _queue;
    private readonly JobWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, IJobHandler> _handlers;

    private readonly JobWakeup _wakeup;
    private readonly JobEvents _events;

    internal JobWorker(IServiceScopeFactory scopes, IJobQueue queue, IEnumerable<IJobHandler> handlers,
        JobWorkerOptions options, JobWakeup wakeup, ILogger<JobWorker>? logger = null, JobEvents? events = null)
    {
        _wakeup = wakeup;
        _events = events ?? new JobEvents();
        _scopes = scopes;
        _queue = queue;
        _options = options;
        _logger = logger ?? NullLogger<JobWorker>.Instance;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        Id = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>This worker's name in <c>locked_by</c>.</summary>
    public string Id { get; }

    /// <summary>Recovers stale jobs, then runs queued jobs until none is left; the number run.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await RecoverAsync(cancellationToken);
        var count = 0;
        while (!cancellationToken.IsCancellationRequested && await _queue.ClaimNextAsync(Id, cancellationToken) is { } job)
        {
            await RunAsync(job, cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>Runs until <paramref name="stoppingToken"/> fires, polling for work when idle.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await _wakeup.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker outlives a failed poll (database restarting): it logs and tries again.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _logger.LogError(failure, "Job worker {Worker}: polling failed; retrying", Id);
                await Task.Delay(_options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Claims and runs one given job of <paramref name="tenantId"/> if it is queued (the CLI, for the job it has just
    /// queued); false when it is not queued (another worker took it, or it was cancelled).
    /// </summary>
    public async Task<bool> RunJobAsync(string tenantId, Guid jobId, CancellationToken cancellationToken = default)
    {
        await RecoverAsync(cancellationToken);
        if (await _queue.ClaimAsync(tenantId, jobId, Id, cancellationToken) is not { } job)
            return false;
        await RunAsync(job, cancellationToken);
        return true;
    }

    /// <summary>Recovers jobs whose worker died (see <see cref="IJobQueue.RecoverStaleAsync"/>), logging each.</summary>
    public async Task<IReadOnlyList<RecoveredJob>> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var recovered = await _queue.RecoverStaleAsync(_options.StaleAfter, _options.MaxAttempts, cancellationToken);
        foreach (var job in recovered)
        {
            _logger.LogWarning("Job {Job} ({Kind}) of {Tenant} lost its worker: {Status} ({Message})",
                job.Id, job.Kind, job.TenantId, job.Status, job.Message);
            if (job.Status == BackgroundJobStatus.Failed && _handlers.TryGetValue(job.Kind, out var handler))
                await CleanAsync(handler, new ClaimedJob(job.TenantId, job.Id, job.Kind, "{}", "system", 0), cancellationToken);
        }

        return recovered;
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        try
        {
            await RunClaimedAsync(job, stoppingToken);
        }
        finally
        {
            // Finished, failed, cancelled or released: pages showing the job read it again.
            _events.Publish(new JobChanged(job.TenantId, job.Id));
        }
    }

    private async Task RunClaimedAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        var progress = new JobProgress();
        using var jobCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var heartbeatStop = new CancellationTokenSource();
        var stoppedByClerk = false;
        var heartbeat = Task.Run(async () =>
        {
            try
            {
                while (!heartbeatStop.IsCancellationRequested)
                {
                    await Task.Delay(_options.HeartbeatInterval, heartbeatStop.Token);
                    if (!await _queue.HeartbeatAsync(job.TenantId, job.Id, Id, progress.Done, progress.Total, heartbeatStop.Token))
                    {
                        stoppedByClerk = true;
                        await jobCancel.CancelAsync();
                        return;
                    }
                    _events.Publish(new JobChanged(job.TenantId, job.Id));
                }
            }
            catch (OperationCanceledException) when (heartbeatStop.IsCancellationRequested)
            {
            }
#pragma warning disable CA1031 // A missed heartbeat is logged; recovery decides if the job is dead.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _logger.LogWarning(failure, "Job {Job}: heartbeat failed", job.Id);
            }
        }, CancellationToken.None);

        var sender = new Sender(_scopes, new FixedCurrentUserSource(CurrentUser.System(job.TenantId, Operator(job))));
        _events.Publish(new JobChanged(job.TenantId, job.Id));
        try
        {
            if (!_handlers.TryGetValue(job.Kind, out var handler))
                throw new JobFailedException($"未知的作业类型「{job.Kind}」");
            JobOutcome outcome;
            using (JobProgress.Install(progress))
                outcome = await handler.RunAsync(job, sender, jobCancel.Token);
            await StopAsync(heartbeatStop, heartbeat);
            await _queue.FinishAsync(job.TenantId, job.Id, Id, BackgroundJobStatus.Succeeded, outcome.Message, outcome.Result,
                progress.Done, progress.Total, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppedByClerk)
        {
            // Cancelled by a clerk (the row says so already) or taken over after a lost heartbeat: leave the row alone.
            await StopAsync(heartbeatStop, heartbeat);
            if (_handlers.TryGetValue(job.Kind, out var handler))
                await CleanAsync(handler, job, CancellationToken.None);
        }
#pragma warning disable CA1031 // Stopping: whatever the cancelled work threw (a cancelled command may surface as a database error) is the stop.
        catch (Exception) when (stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            await StopAsync(heartbeatStop, heartbeat);
            if (_options.ReleaseOnStop)
                await _queue.ReleaseAsync(job.TenantId, job.Id, Id, "后台服务停止，作业已重新排队，将从中断处继续", CancellationToken.None);
        }
#pragma warning disable CA1031 // Whatever the job throws ends the job as failed with the reason, never the worker.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            await StopAsync(heartbeatStop, heartbeat);
            var message = failure is JobFailedException ? failure.Message : $"作业出错：{failure.Message}";
            if (failure is not JobFailedException)
                _logger.LogError(failure, "Job {Job} ({Kind}) of {Tenant} failed", job.Id, job.Kind, job.TenantId);
            var result = failure is JobFailedException { Code: { } code }
                ? System.Text.Json.JsonSerializer.Serialize(new { code })
                : null;
            await _queue.FinishAsync(job.TenantId, job.Id, Id, BackgroundJobStatus.Failed, Truncate(message), result,
                progress.Done, progress.Total, CancellationToken.None);
            if (_handlers.TryGetValue(job.Kind, out var handler))
                await CleanAsync(handler, job, CancellationToken.None);
        }
    }

    private async Task CleanAsync(IJobHandler handler, ClaimedJob job, CancellationToken cancellationToken)
    {
        try
        {
            var sender = new Sender(_scopes, new FixedCurrentUserSource(CurrentUser.System(job.TenantId, "job:cleanup")));
            await handler.CleanAsync(job, sender, cancellationToken);
        }
#pragma warning disable CA1031 // Cleaning is best effort; the next failure or recovery tries again.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            _logger.LogWarning(failure, "Job {Job}: cleaning after it failed", job.Id);
        }
    }

    private static async Task StopAsync(CancellationTokenSource heartbeatStop, Task heartbeat)
    {
        await heartbeatStop.CancelAsync();
        await heartbeat;
    }

    private static string Operator(ClaimedJob job)
    {
        var name = "job:" + job.CreatedBy;
        return name.Length > 100 ? name[..100] : name;
    }

    private static string Truncate(string message) => message.Length > 500 ? message[..497] + "…" : message;
}
