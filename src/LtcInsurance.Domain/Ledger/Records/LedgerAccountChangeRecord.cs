using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Ledger.Records;

/// <summary>
/// ledger_account_changes: who added or renamed an account of the chart, when, and the names before and after.
/// Append-only (the application role may only insert); not part of any entry's hash.
/// </summary>
public sealed class LedgerAccountChangeRecord : ITenantOwned
{
    public const string Added = "added";
    public const string Renamed = "renamed";

    public string TenantId { get; set; } = "";
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string AccountCode { get; set; } = "";

    /// <summary><see cref="Added"/> or <see cref="Renamed"/>.</summary>
    public string Change { get; set; } = "";
    public string? OldName { get; set; }
    public string NewName { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}
