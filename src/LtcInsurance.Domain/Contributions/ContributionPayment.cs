using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// A collection of a person's own contribution against a bill (one receipt). The receipt reference is unique per
/// tenant, so recording the same receipt twice records it once.
/// </summary>
public sealed class ContributionPayment : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid BillId { get; init; }

    /// <summary>Receipt or bank reference (缴费凭证号).</summary>
    public required string Reference { get; init; }

    public decimal Amount { get; init; }

    public DateOnly PaidOn { get; init; }

    public long? JournalSequence { get; set; }

    public DateTimeOffset RecordedAt { get; init; }
}
