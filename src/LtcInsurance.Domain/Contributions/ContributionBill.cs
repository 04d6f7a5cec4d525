using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// What one insured person's contribution for one period (缴费期) amounts to, per payer, as the policy engine computed
/// it. At most one bill per person and period: a billing run that meets an existing bill leaves it alone.
/// </summary>
public sealed class ContributionBill : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>"2027" or "2027-03" (<see cref="ContributionPeriod"/>).</summary>
    public required string Period { get; init; }

    public required Guid PersonId { get; init; }

    /// <summary>The scheme the person was billed under (employee, resident, special_groups).</summary>
    public required string Scheme { get; init; }

    /// <summary>Region of residence when billed; regional sub-ledgers and totals are kept by it.</summary>
    public required string RegionCode { get; init; }

    public decimal Total { get; init; }

    /// <summary>The part the person pays (after any subsidy); what arrears and payments are about.</summary>
    public decimal IndividualDue { get; init; }

    /// <summary>The engine's trace (rules, clauses, parameters) as JSON: why these amounts.</summary>
    public required string Trace { get; init; }

    public List<ContributionBillLine> Lines { get; init; } = [];

    /// <summary>Sequence of the journal entry that booked the receivable; null until posted (or when nothing is due).</summary>
    public long? JournalSequence { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One payer's share of a bill (the engine's contribution line).</summary>
public sealed class ContributionBillLine : ITenantOwned
{
    public required string TenantId { get; init; }

    public required Guid BillId { get; init; }

    /// <summary>One of the engine's <c>Payers</c> codes.</summary>
    public required string Payer { get; init; }

    public decimal Amount { get; init; }
}
