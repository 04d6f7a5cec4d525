using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Claims;

/// <summary>
/// A 拨付 batch: approved claims gathered for payment, net of the recoveries (过误) deducted from each provider's
/// payment. Created, then paid once (the payment is booked).
/// </summary>
public sealed class PaymentBatch : ITenantOwned
{
    public const string Created = "created";
    public const string PaidStatus = "paid";

    public string TenantId { get; init; } = "";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Number { get; init; } = "";

    public string Status { get; private set; } = Created;

    /// <summary>Fund amount of the claims in the batch.</summary>
    public decimal Gross { get; set; }

    /// <summary>Recoveries deducted from it.</summary>
    public decimal Deducted { get; set; }

    public decimal Net => Gross - Deducted;

    public string CreatedBy { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateOnly? PaidOn { get; private set; }

    public string? PaidBy { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public long? JournalSequence { get; private set; }

    public int Version { get; private set; }

    public void Pay(DateOnly paidOn, string by, DateTimeOffset at)
    {
        ClaimRule.Check(Status == PaidStatus, ClaimCodes.BatchPaid, ClaimClauses.Handling, $"拨付批次 {Number} 已拨付");
        Status = PaidStatus;
        PaidOn = paidOn;
        PaidBy = by;
        PaidAt = at;
        Version++;
    }

    public void RecordPosting(long sequence) => JournalSequence = sequence;
}

/// <summary>A recovery (过误追回): a paid line's fund amount withdrawn, deducted from the provider's next payment.</summary>
public sealed class ClaimRecovery : ITenantOwned
{
    public string TenantId { get; init; } = "";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ClaimId { get; init; }

    public Guid ClaimLineId { get; init; }

    public Guid InstitutionId { get; init; }

    public decimal Amount { get; init; }

    public string Reason { get; init; } = "";

    public string RecordedBy { get; init; } = "";

    public DateTimeOffset RecordedAt { get; init; }

    public long? JournalSequence { get; set; }

    /// <summary>The batch whose payment it was deducted from; null while outstanding.</summary>
    public Guid? DeductedInBatchId { get; set; }
}
