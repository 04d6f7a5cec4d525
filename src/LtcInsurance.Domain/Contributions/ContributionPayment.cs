using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// A collection of a person's own contribution against a bill (one receipt), recorded by
/// <see cref="ContributionBill.RecordPayment"/>. The receipt reference is unique per tenant, so recording the same
/// receipt twice records it once.
/// </summary>
public sealed class ContributionPayment : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private ContributionPayment()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid BillId { get; private init; }

    /// <summary>Receipt or bank reference (缴费凭证号).</summary>
    public string Reference { get; private init; } = "";

    public decimal Amount { get; private init; }

    public DateOnly PaidOn { get; private init; }

    /// <summary>How the money came (<see cref="PaymentMethods"/>): counter, tax collection, pension withholding.</summary>
    public string Method { get; private init; } = PaymentMethods.Counter;

    /// <summary>Sequence of the journal entry that booked the receipt; null until posted.</summary>
    public long? JournalSequence { get; private set; }

    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>The signed-in user (or CLI operator) who recorded the receipt; null only for receipts recorded before it was kept.</summary>
    public string? RecordedBy { get; private init; }

    /// <summary>Notes the journal entry that booked the receipt. A receipt is booked once: the same entry again is a no-op.</summary>
    /// <exception cref="BusinessRuleViolationException">The receipt was already booked by another entry.</exception>
    public void RecordPosting(long sequence)
    {
        BusinessRule.Check(new PaymentIsBookedOnce(JournalSequence, sequence));
        JournalSequence = sequence;
    }

    /// <summary>The new receipt of <paramref name="bill"/>; the bill has checked its rules.</summary>
    internal static ContributionPayment Receive(ContributionBill bill, string reference, decimal amount, DateOnly paidOn,
        DateTimeOffset recordedAt, string recordedBy, string method) =>
        new()
        {
            TenantId = bill.TenantId,
            BillId = bill.Id,
            Reference = reference,
            Amount = amount,
            PaidOn = paidOn,
            Method = method,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
        };
}
