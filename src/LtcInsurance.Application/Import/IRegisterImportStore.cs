using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Import;

/// <summary>
/// The PostgreSQL side of a register import (Infrastructure implements it): staging the checked rows with binary COPY
/// and applying the valid ones to the register with set-based SQL, both in batches of their own transaction (of the
/// current tenant), each batch committing the import row's counts with it, so that a job whose worker died continues
/// after the last committed batch: nothing lost, nothing twice.
/// </summary>
public interface IRegisterImportStore
{
    /// <summary>Deletes the import's staged rows and starts staging afresh (status staging, counts and apply mark zero).</summary>
    Task ResetStagingAsync(Guid importId, CancellationToken cancellationToken = default);

    /// <summary>What committed staging batches hold: the last row number (1 when none), rows and valid rows.</summary>
    Task<(int LastRow, int Total, int Valid)> StagedSoFarAsync(Guid importId, CancellationToken cancellationToken = default);

    /// <summary>Stages <paramref name="rows"/> and commits them with the counts so far (<paramref name="total"/>, <paramref name="valid"/>).</summary>
    Task StageBatchAsync(Guid importId, IReadOnlyList<StagedRegisterRow> rows, int total, int valid,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Every row is staged: marks the import staged with its counts and refreshes the planner's statistics of the staged
    /// rows (the apply's batches are planned on them).
    /// </summary>
    Task CompleteStagingAsync(Guid importId, int total, int valid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the valid staged rows after the import's apply mark up to <paramref name="throughRow"/> in one
    /// transaction that moves the mark with them: a person already registered is updated only where a value differs, a
    /// category the person has open is not added again, an enrollment the register already holds (same person and
    /// start) is not added again. An enrollment the register's no-overlap constraint refuses becomes an error of its row
    /// (the row's person data is still applied). What the rows change of people already registered (name, phone, region,
    /// medical insurance type, working status, categories) is added to their history (<c>person_changes</c>, with the
    /// import's id) in the same transaction.
    /// </summary>
    Task ApplyBatchAsync(Guid importId, int throughRow, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refreshes the planner's statistics of the register (people, enrolments) after the first batch of an import into a
    /// register that was small: the next batches' foreign-key checks and matches are then planned on what it now holds.
    /// </summary>
    Task RefreshRegisterStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records whether the file has a 人员类别 column: when it has, applying the file ends a category a person holds
    /// that their row no longer lists (on the day before the import day) and keeps that in the person's history.
    /// </summary>
    Task MarkCategoriesListedAsync(Guid importId, bool listed, CancellationToken cancellationToken = default);

    /// <summary>Marks the import completed.</summary>
    Task CompleteAsync(Guid importId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends an import that did not complete (<see cref="ImportJobStatus.Failed"/> or <see cref="ImportJobStatus.Cancelled"/>)
    /// with <paramref name="message"/>: its staged rows are deleted and its counts zero ("nothing staged"); what earlier
    /// apply batches wrote to the register stays (a resume stages the file again and applies it idempotently).
    /// Nothing when the import has completed.
    /// </summary>
    Task EndAsync(Guid importId, ImportJobStatus status, string message, CancellationToken cancellationToken = default);
}

/// <summary>
/// One data row as checked: the values (normalised where valid), the scheme the tenant's eligibility rule gave it on
/// its enrollment date, and its problems (none: the row is applied).
/// </summary>
public sealed record StagedRegisterRow(
    int RowNumber, RegisterRowValidator.Checked Values, string? Scheme, IReadOnlyList<RowProblem> Problems);
