using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// One tax-bureau collection file (税务征收明细) imported as receipts of people's own contributions: its counts and, once
/// run, its outcome. Status: queued, completed, failed (the reason in <see cref="Message"/>). The background job that runs
/// it has the same id.
/// </summary>
public sealed class CollectionImport : ITenantOwned
{
    public const string Queued = "queued";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FileName { get; init; }

    /// <summary>"csv" or "xlsx".</summary>
    public required string Format { get; init; }

    public string Status { get; set; } = Queued;

    /// <summary>Data rows of the file (header excluded).</summary>
    public int TotalRows { get; set; }

    /// <summary>Receipts recorded (and booked) by this import.</summary>
    public int RecordedRows { get; set; }

    /// <summary>Receipts already recorded before (the same reference, person, period and amount): nothing written.</summary>
    public int AlreadyRecordedRows { get; set; }

    /// <summary>Rows refused, each with its reason in <see cref="CollectionImportError"/>.</summary>
    public int ErrorRows { get; set; }

    public decimal RecordedAmount { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A refused row of a collection file, as read, with the Chinese reason.</summary>
public sealed class CollectionImportError : ITenantOwned
{
    public required string TenantId { get; init; }

    public required Guid ImportId { get; init; }

    /// <summary>Line of the file as a spreadsheet user counts it (header is row 1).</summary>
    public int RowNumber { get; init; }

    public string? Reference { get; init; }

    public string? IdNumber { get; init; }

    public string? Period { get; init; }

    public string? Amount { get; init; }

    public required string Message { get; init; }
}
