using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Import;

/// <summary>
/// The PostgreSQL side of a register import (Infrastructure implements it): staging the checked rows with binary COPY
/// and applying the valid ones to the register with set-based SQL, each step one transaction of the current tenant.
/// The job row's state changes go through here too, because staging commits progress counts on a connection of its own.
/// </summary>
public interface IRegisterImportStore
{
    /// <summary>
    /// Opens the staging transaction of <paramref name="jobId"/>: rows staged by an earlier attempt are deleted, and
    /// rows written to the returned staging are held privately until <see cref="IRegisterImportStaging.CompleteAsync"/>.
    /// Disposing it without completing rolls everything back.
    /// </summary>
    Task<IRegisterImportStaging> BeginStagingAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Commits progress counts on a connection of its own, so a page sees them while staging runs.</summary>
    Task ReportProgressAsync(Guid jobId, int total, int valid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the job failed with <paramref name="message"/>, its counts zero ("nothing staged"): progress counts were
    /// committed on the side, the staged rows were not, so a resume stages the file again instead of applying nothing.
    /// </summary>
    Task MarkFailedAsync(Guid jobId, string message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the job's valid staged rows in one transaction and marks it completed: a person already registered is
    /// updated only where a value differs, a category the person has open is not added again, an enrollment the
    /// register already holds (same person and start) is not added again. An enrollment the register's no-overlap
    /// constraint refuses becomes an error of its row (the row's person data is still applied).
    /// </summary>
    Task ApplyAsync(Guid jobId, CancellationToken cancellationToken = default);
}

/// <summary>Staged rows of one job, held in the staging transaction until completed.</summary>
public interface IRegisterImportStaging : IAsyncDisposable
{
    Task WriteAsync(StagedRegisterRow row, CancellationToken cancellationToken = default);

    /// <summary>Moves the rows into the job's staged rows, marks the job staged with its counts and commits.</summary>
    Task CompleteAsync(int total, int valid, CancellationToken cancellationToken = default);
}

/// <summary>
/// One data row as checked: the values (normalised where valid), the scheme the tenant's eligibility rule gave it on
/// its enrollment date, and its problems (none: the row is applied).
/// </summary>
public sealed record StagedRegisterRow(
    int RowNumber, RegisterRowValidator.Checked Values, string? Scheme, IReadOnlyList<RowProblem> Problems);
