using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// A payer other than the person settling its share of a period's bills in one sum (到账): the medical insurance pooled
/// fund's transfer (医保统筹基金划转), the treasury's fiscal share or subsidy (财政拨付), an employer's payment. Split by
/// region (one line per region with a receivable of that payer in the period) so that regional sub-ledgers stay
/// balanced; booked as one journal entry. The reference is unique per tenant: recording it again records it once.
/// </summary>
public sealed class ContributionTransfer : ITenantOwned
{
    private readonly List<ContributionTransferLine> _lines = [];

    private ContributionTransfer()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>Transfer or remittance reference (到账凭证号).</summary>
    public string Reference { get; private init; } = "";

    public string Period { get; private init; } = "";

    /// <summary>The payer's code (<see cref="Vocabulary.Payer"/>), never the individual.</summary>
    public string Payer { get; private init; } = "";

    public decimal Amount { get; private init; }

    public DateOnly ReceivedOn { get; private init; }

    public long? JournalSequence { get; private set; }

    public DateTimeOffset RecordedAt { get; private init; }

    public string RecordedBy { get; private init; } = "";

    /// <summary>The amount per region (sums to <see cref="Amount"/>).</summary>
    public IReadOnlyList<ContributionTransferLine> Lines => _lines;

    /// <summary>
    /// Records <paramref name="amount"/> from <paramref name="payer"/> against the period's receivable, whose outstanding
    /// part per region is <paramref name="outstandingByRegion"/>: the amount is split in proportion to it, cent-exact,
    /// never above a region's outstanding part.
    /// </summary>
    /// <exception cref="BusinessRuleViolationException">A rule is broken; nothing recorded.</exception>
    public static ContributionTransfer Record(string tenantId, string reference, string period, string payer, decimal amount,
        DateOnly receivedOn, IReadOnlyDictionary<string, decimal> outstandingByRegion, DateTimeOffset recordedAt, string recordedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentNullException.ThrowIfNull(outstandingByRegion);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        var trimmed = reference?.Trim() ?? "";
        BusinessRule.Check(new PaymentMustCarryAReference(trimmed));
        BusinessRule.Check(new TransferIsForAnotherPayer(payer));
        BusinessRule.Check(new PaymentAmountMustBePositive(amount));
        BusinessRule.Check(new PaymentAmountMustBeWholeCents(amount));
        var open = outstandingByRegion.Where(r => r.Value > 0).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        BusinessRule.Check(new TransferMustNotExceedOutstanding(amount, open.Sum(r => r.Value)));

        var transfer = new ContributionTransfer
        {
            TenantId = tenantId, Reference = trimmed, Period = period, Payer = payer, Amount = amount, ReceivedOn = receivedOn,
            RecordedAt = recordedAt, RecordedBy = recordedBy,
        };
        foreach (var (region, share) in Split(amount, open))
            transfer._lines.Add(new ContributionTransferLine(tenantId, transfer.Id, region, share));
        return transfer;
    }

    /// <summary>
    /// <paramref name="amount"/> (at most the sum of <paramref name="open"/>) in proportion to each region's outstanding
    /// part, rounded down to the cent, the remaining cents to the regions in order where there is room.
    /// </summary>
    public static IReadOnlyList<(string Region, decimal Amount)> Split(decimal amount, IReadOnlyList<KeyValuePair<string, decimal>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var total = open.Sum(r => r.Value);
        var shares = open.Select(r => (r.Key, Room: r.Value, Share: total == 0 ? 0m : decimal.Floor(amount * r.Value / total * 100m) / 100m))
            .ToList();
        var left = amount - shares.Sum(s => s.Share);
        for (var i = 0; left > 0 && i < shares.Count; i++)
        {
            var add = Math.Min(left, shares[i].Room - shares[i].Share);
            shares[i] = (shares[i].Key, shares[i].Room, shares[i].Share + add);
            left -= add;
        }

        return [.. shares.Where(s => s.Share > 0).Select(s => (s.Key, s.Share))];
    }

    /// <summary>Notes the journal entry that booked the transfer; once.</summary>
    public void RecordPosting(long sequence)
    {
        BusinessRule.Check(new PaymentIsBookedOnce(JournalSequence, sequence));
        JournalSequence = sequence;
    }
}

/// <summary>The part of a transfer booked to one region.</summary>
public sealed class ContributionTransferLine : ITenantOwned
{
    internal ContributionTransferLine(string tenantId, Guid transferId, string regionCode, decimal amount)
    {
        TenantId = tenantId;
        TransferId = transferId;
        RegionCode = regionCode;
        Amount = amount;
    }

    public string TenantId { get; private init; }

    public Guid TransferId { get; private init; }

    public string RegionCode { get; private init; }

    public decimal Amount { get; private init; }
}
