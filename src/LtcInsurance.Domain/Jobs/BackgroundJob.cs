using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Jobs;

/// <summary>
/// A long piece of work of one tenant (a billing run, a register import) run by a background worker rather than inside
/// a web request: queued, claimed by one worker (<see cref="LockedBy"/>) which keeps <see cref="HeartbeatAt"/> fresh
/// while it runs, and ended as succeeded, failed (with the reason) or cancelled. A clerk may cancel a queued or running
/// job and resume a failed or cancelled one; the work itself is idempotent, so a resumed job continues where the last
/// committed batch ended.
/// </summary>
public sealed class BackgroundJob : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What to run (<c>billing_run</c>, <c>register_import</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The job's arguments as a JSON document (e.g. the period of a billing run).</summary>
    public required string Payload { get; init; }

    public BackgroundJobStatus Status { get; set; } = BackgroundJobStatus.Queued;

    /// <summary>How many times a worker has started the job.</summary>
    public int Attempts { get; set; }

    /// <summary>The worker running it (host, process and a random part); null unless running.</summary>
    public string? LockedBy { get; set; }

    /// <summary>When the running worker last said it was alive; a stale one means the worker died.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public int ProgressDone { get; set; }

    public int ProgressTotal { get; set; }

    /// <summary>Why it failed or was cancelled, or what it did, in Chinese.</summary>
    public string? Message { get; set; }

    /// <summary>The job's outcome as a JSON document (e.g. the billing run's counts), once succeeded.</summary>
    public string? Result { get; set; }

    /// <summary>The user who queued it.</summary>
    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum BackgroundJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>
/// The file a job works from (an uploaded register), kept in the database so that a job survives a restart of the web
/// app and can be resumed from any worker. Deleted with its job's end (succeeded, or cleaned when failed or cancelled
/// for good).
/// </summary>
public sealed class BackgroundJobFile : ITenantOwned
{
    public required string TenantId { get; init; }

    public required Guid JobId { get; init; }

    public required string FileName { get; init; }

    public required byte[] Content { get; init; }
}
