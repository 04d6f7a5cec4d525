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
    /// <summary>The job's status as stored and as the pages name it: staging, staged, applying, completed, failed.</summary>
    public static string StatusText(ImportJobStatus status) => status switch
    {
        ImportJobStatus.Staging => "staging",
        ImportJobStatus.Staged => "staged",
        ImportJobStatus.Applying => "applying",
        ImportJobStatus.Completed => "completed",
        ImportJobStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    internal static ImportJobView Of(ImportJob job) => new(
        job.Id, job.FileName, job.Format, StatusText(job.Status), job.TotalRows, job.ValidRows, job.ErrorRows,
        job.AppliedRows, job.Message, job.CreatedAt, job.UpdatedAt);
}

/// <summary>One line of the error report: file row (header is row 1), column header, Chinese message.</summary>
public sealed record ImportError(int Row, string Column, string Message);
