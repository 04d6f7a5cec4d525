using LtcInsurance.Domain.Jobs;

namespace LtcInsurance.Application.Jobs;

/// <summary>A background job as a page or the CLI shows it.</summary>
public sealed record JobView(
    Guid Id,
    string Kind,
    string Title,
    string Payload,
    string Status,
    int Attempts,
    int ProgressDone,
    int ProgressTotal,
    string? Message,
    string? Result,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? HeartbeatAt)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Queued or running: a clerk may cancel it.</summary>
    public bool CanCancel => Status is Queued or Running;

    /// <summary>Failed or cancelled: a clerk may queue it again (the work continues where it stopped).</summary>
    public bool CanResume => Status is Failed or Cancelled;

    public bool IsFinished => Status is Succeeded or Failed or Cancelled;

    /// <summary>The status in Chinese.</summary>
    public string StatusText => Status switch
    {
        Queued => "排队中",
        Running => "执行中",
        Succeeded => "已完成",
        Failed => "失败",
        Cancelled => "已取消",
        _ => Status,
    };

    public static string StatusOf(BackgroundJobStatus status) => status switch
    {
        BackgroundJobStatus.Queued => Queued,
        BackgroundJobStatus.Running => Running,
        BackgroundJobStatus.Succeeded => Succeeded,
        BackgroundJobStatus.Failed => Failed,
        BackgroundJobStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    internal static JobView Of(BackgroundJob job) => new(
        job.Id, job.Kind, JobKinds.Title(job.Kind), job.Payload, StatusOf(job.Status), job.Attempts, job.ProgressDone,
        job.ProgressTotal, job.Message, job.Result, job.CreatedBy, job.CreatedAt, job.StartedAt, job.FinishedAt,
        job.HeartbeatAt);
}
