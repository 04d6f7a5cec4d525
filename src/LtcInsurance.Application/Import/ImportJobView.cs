using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Import;

/// <summary>An import job as a progress page shows it.</summary>
public sealed record ImportJobView(
    Guid Id,
    string FileName,
    string Format,
    string Status,
    int TotalRows,
    int ValidRows,
    int ErrorRows,
    int AppliedRows,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The job's status as stored and as the pages name it: queued, staging, staged, applying, completed, failed,
    /// cancelled. The import's background job has the same id (<see cref="Jobs.JobKinds.RegisterImport"/>).
    /// </summary>
    public static string StatusText(ImportJobStatus status) => status switch
    {
        ImportJobStatus.Queued => "queued",
        ImportJobStatus.Cancelled => "cancelled",
        ImportJobStatus.Staging => "staging",
        ImportJobStatus.Staged => "staged",
        ImportJobStatus.Applying => "applying",
        ImportJobStatus.Completed => "completed",
        ImportJobStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Still to run or running (the page shows its job's progress and cancel button).</summary>
    public bool IsActive => Status is "queued" or "staging" or "staged" or "applying";

    internal static ImportJobView Of(ImportJob job) => new(
        job.Id, job.FileName, job.Format, StatusText(job.Status), job.TotalRows, job.ValidRows, job.ErrorRows,
        job.AppliedRows, job.Message, job.CreatedAt, job.UpdatedAt);
}

/// <summary>One line of the error report: file row (header is row 1), column header, Chinese message.</summary>
public sealed record ImportError(int Row, string Column, string Message);
