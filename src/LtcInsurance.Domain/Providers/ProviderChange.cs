using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Providers;

/// <summary>
/// One change of a provider's or care worker's register entry (agreement dates, bank account, insurance, status with its
/// reason, qualifications …): field, before, after, note, who, when. Append-only (table <c>provider_changes</c>).
/// </summary>
public sealed class ProviderChange : ITenantOwned
{
    private ProviderChange()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The provider (<c>institutions</c> row) the change belongs to (for a care worker: their provider).</summary>
    public Guid InstitutionId { get; private init; }

    /// <summary>The care worker changed, when the change is of a care worker.</summary>
    public Guid? CareWorkerId { get; private init; }

    public string Field { get; private init; } = "";

    public string? Before { get; private init; }

    public string? After { get; private init; }

    public string? Note { get; private init; }

    public string ChangedBy { get; private init; } = "";

    public DateTimeOffset ChangedAt { get; private init; }

    public static ProviderChange Of(string tenantId, Guid institutionId, Guid? careWorkerId, string field, string? before, string? after,
        string? note, string changedBy, DateTimeOffset changedAt) =>
        new()
        {
            TenantId = tenantId, InstitutionId = institutionId, CareWorkerId = careWorkerId, Field = field,
            Before = before, After = after, Note = note, ChangedBy = changedBy, ChangedAt = changedAt,
        };
}
