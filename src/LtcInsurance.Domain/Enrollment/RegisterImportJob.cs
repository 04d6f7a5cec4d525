using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>The stages of a register import; a page polls the job row to show where it is.</summary>
public enum ImportJobStatus
{
    /// <summary>The file is stored with its background job, waiting for a worker.</summary>
    Queued,

    /// <summary>Rows are being read, checked and copied into staging.</summary>
    Staging,

    /// <summary>Every row is staged and checked; nothing applied yet.</summary>
    Staged,

    /// <summary>Valid rows are being written to the register (one transaction).</summary>
    Applying,

    Completed,

    /// <summary>Its job failed (the reason in <see cref="ImportJob.Message"/>); its staged rows are deleted.</summary>
    Failed,

    /// <summary>A clerk cancelled its job; its staged rows are deleted, batches already applied stay.</summary>
    Cancelled,
}

/// <summary>
/// One upload of the insured register (参保登记批量导入): counts for the progress display and the error report,
/// and the file's hash so an identical file can be recognised.
/// </summary>
public sealed class ImportJob : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FileName { get; init; }

    /// <summary>"csv" or "xlsx".</summary>
    public required string Format { get; init; }

    public ImportJobStatus Status { get; set; } = ImportJobStatus.Queued;

    public int TotalRows { get; set; }

    public int ValidRows { get; set; }

    public int ErrorRows { get; set; }

    /// <summary>People added or changed by the apply step (0 when the same file is imported again).</summary>
    public int AppliedRows { get; set; }

    /// <summary>
    /// The last staged row the apply step has written to the register (its batches commit one by one, each with this
    /// mark), so that a job recovered after its worker died continues after it; 0 before applying.
    /// </summary>
    public int AppliedThroughRow { get; set; }

    /// <summary>
    /// The file has a 人员类别 column: a category a person holds that the file no longer lists is then ended (a file
    /// without the column says nothing about categories).
    /// </summary>
    public bool CategoriesListed { get; set; }

    /// <summary>Why the job failed, in Chinese.</summary>
    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who started the import (user name); null for jobs started before it was kept.</summary>
    public string? CreatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One data row of an import as staged: values normalised where they were valid, as read where not, and the problems
/// found (column header and Chinese message, pairwise). A row with no problems is applied.
/// </summary>
public sealed class ImportRow : ITenantOwned
{
    public required string TenantId { get; init; }

    public required Guid JobId { get; init; }

    /// <summary>Line of the file as a spreadsheet user counts it (header is row 1).</summary>
    public int RowNumber { get; init; }

    public Guid PersonId { get; init; }

    public string? IdNumber { get; init; }

    public string? Name { get; init; }

    public string? Sex { get; init; }

    public DateOnly? BirthDate { get; init; }

    public string? Phone { get; init; }

    public string? RegionCode { get; init; }

    public string? MedicalInsurance { get; init; }

    public string? Employment { get; init; }

    public string[] Statuses { get; init; } = [];

    public DateOnly? EnrolledFrom { get; init; }

    /// <summary>Scheme decided by the tenant's eligibility rule when an enrollment date is given.</summary>
    public string? Scheme { get; init; }

    public string[] ErrorColumns { get; init; } = [];

    public string[] ErrorMessages { get; init; } = [];
}
