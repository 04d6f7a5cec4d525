using LtcInsurance.Application.Enrollment;

namespace LtcInsurance.Application.Contributions;

public sealed record RecordPayment(Guid BillId, string Reference, decimal Amount, DateOnly PaidOn);

/// <param name="AlreadyRecorded">The receipt was recorded before; nothing new was written.</param>
public sealed record PaymentRecorded(Guid PaymentId, long JournalSequence, bool AlreadyRecorded, decimal Outstanding);

/// <summary>A bill whose individual part is not fully paid.</summary>
public sealed record Arrear(Guid BillId, Guid PersonId, string Name, string Period, decimal IndividualDue, decimal Paid)
{
    public decimal Outstanding => IndividualDue - Paid;
}

/// <summary>Collections of individual contributions (current tenant).</summary>
public interface IContributionPayments
{
    /// <summary>Records one receipt against a bill and books it; recording the same reference again is a no-op.</summary>
    Task<PaymentRecorded> RecordAsync(RecordPayment payment, CancellationToken cancellationToken = default);

    /// <summary>Bills with an outstanding individual amount, optionally of one period, oldest period first.</summary>
    Task<Page<Arrear>> ArrearsAsync(string? period, int skip, int take, CancellationToken cancellationToken = default);
}
