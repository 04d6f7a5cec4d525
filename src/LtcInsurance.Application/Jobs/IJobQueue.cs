using LtcInsurance.Domain.Jobs;

namespace LtcInsurance.Application.Jobs;

/// <summary>A job a worker has claimed: the tenant it acts for, what to run and who queued it.</summary>
public sealed record ClaimedJob(string TenantId, Guid Id, string Kind, string Payload, string CreatedBy, int Attempts);

/// <summary>A job found running with a stale heartbeat (its worker died), and what recovery made of it.</summary>
public sealed record RecoveredJob(string TenantId, Guid Id, string Kind, BackgroundJobStatus Status, string Message);

/// <summary>
/// The workers' side of the job table (Infrastructure implements it with PostgreSQL): claiming with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two workers never take the same job and never wait for each other; heartbeats;
/// ending; and recovering jobs whose worker died. Every statement runs in a transaction acting for the job's tenant
/// (row-level security applies); to find queued jobs a worker acts for each tenant of the platform in turn.
/// </summary>
public interface IJobQueue
{
    /// <summary>Claims the oldest queued job of any tenant for <paramref name="worker"/> (running, attempts + 1); null when none.</summary>
    Task<ClaimedJob?> ClaimNextAsync(string worker, CancellationToken cancellationToken = default);

    /// <summary>Claims one given job if it is queued (the CLI runs the job it has just queued, in process).</summary>
    Task<ClaimedJob?> ClaimAsync(string tenantId, Guid jobId, string worker, CancellationToken cancellationToken = default);

    /// <summary>
    /// Says the job is alive and how far it got. False when the job is no longer running for this worker (a clerk
    /// cancelled it, or recovery gave it to another worker): the worker must stop it.
    /// </summary>
    Task<bool> HeartbeatAsync(string tenantId, Guid jobId, string worker, int done, int total,
        CancellationToken cancellationToken = default);

    /// <summary>Ends a job this worker runs (succeeded or failed); nothing when it no longer runs for this worker.</summary>
    Task FinishAsync(string tenantId, Guid jobId, string worker, BackgroundJobStatus status, string? message,
        string? result, int done, int total, CancellationToken cancellationToken = default);

    /// <summary>Puts a job this worker runs back in the queue (the worker is stopping in good order).</summary>
    Task ReleaseAsync(string tenantId, Guid jobId, string worker, string message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Jobs running with a heartbeat older than <paramref name="staleAfter"/> (their worker died): queued again with the
    /// reason while they have had fewer than <paramref name="maxAttempts"/> starts, failed with the reason after that.
    /// </summary>
    Task<IReadOnlyList<RecoveredJob>> RecoverStaleAsync(TimeSpan staleAfter, int maxAttempts,
        CancellationToken cancellationToken = default);
}
