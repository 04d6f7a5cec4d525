using LtcInsurance.Domain.Contributions;

namespace LtcInsurance.Application.Contributions;

/// <summary>A tax-bureau collection import as the page and the CLI show it.</summary>
/// <param name="Status">queued, completed or failed.</param>
public sealed record CollectionImportView(
    Guid Id, string FileName, string Status, int TotalRows, int RecordedRows, int AlreadyRecordedRows, int ErrorRows,
    decimal RecordedAmount, string? Message, DateTimeOffset CreatedAt)
{
    public bool IsActive => Status == CollectionImport.Queued;

    internal static CollectionImportView Of(CollectionImport import) => new(
        import.Id, import.FileName, import.Status, import.TotalRows, import.RecordedRows, import.AlreadyRecordedRows,
        import.ErrorRows, import.RecordedAmount, import.Message, import.CreatedAt);
}
