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
    DateTimeOffset UpdatedAt);

/// <summary>One line of the error report: file row (header is row 1), column header, Chinese message.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>
/// Bulk import of the insured register (current tenant): the file is read row by row, each row checked and staged,
/// then the valid rows applied in one transaction. Importing the same file again changes nothing.
/// </summary>
public interface IRegisterImport
{
    /// <summary>Stages and applies <paramref name="file"/> ("csv" or "xlsx" by <paramref name="fileName"/>'s extension).</summary>
    Task<ImportJobView> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Continues a job after a crash or restart: a job still staging is staged again from <paramref name="reopen"/>
    /// (its partial rows were never committed), a staged or interrupted applying job is applied (again), a finished
    /// job is returned as it is.
    /// </summary>
    Task<ImportJobView> ResumeAsync(Guid jobId, Func<Stream>? reopen, CancellationToken cancellationToken = default);

    Task<ImportJobView?> JobAsync(Guid jobId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ImportJobView>> RecentJobsAsync(int take, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ImportError>> ErrorsAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>The error report as CSV (UTF-8 with BOM so spreadsheet programs show Chinese): 行号,列,错误信息.</summary>
    Task WriteErrorReportAsync(Guid jobId, Stream output, CancellationToken cancellationToken = default);
}
