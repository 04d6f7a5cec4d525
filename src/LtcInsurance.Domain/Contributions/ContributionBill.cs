using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// What one insured person's contribution for one period (缴费期) amounts to, per payer, as the policy engine computed
/// it. At most one bill per person and period: a billing run that meets an existing bill leaves it alone.
/// Issued by <see cref="Issue"/>; it then changes only by being booked (<see cref="RecordPosting"/>) and by receipts
/// of the person's own part (<see cref="RecordPayment"/>).
/// </summary>
public sealed class ContributionBill : ITenantOwned
{
    private readonly List<ContributionBillLine> _lines = [];
    private readonly List<ContributionPayment> _payments = [];

    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private ContributionBill()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>"2027" or "2027-03" (<see cref="ContributionPeriod"/>).</summary>
    public string Period { get; private init; } = "";

    public Guid PersonId { get; private init; }

    /// <summary>The scheme the person was billed under (employee, resident, special_groups).</summary>
    public string Scheme { get; private init; } = "";

    /// <summary>Region of residence when billed; regional sub-ledgers and totals are kept by it.</summary>
    public string RegionCode { get; private init; } = "";

    /// <summary>The sum of the lines.</summary>
    public decimal Total { get; private init; }

    /// <summary>The part the person pays (after any subsidy): the individual line; what arrears and payments are about.</summary>
    public decimal IndividualDue { get; private init; }

    /// <summary>The engine's trace (rules, clauses, parameters) as JSON: why these amounts.</summary>
    public string Trace { get; private init; } = "";

    /// <summary>One line per payer with a share, as the engine computed them.</summary>
    public IReadOnlyList<ContributionBillLine> Lines => _lines;

    /// <summary>Receipts recorded against the bill. Complete only when loaded with the bill (EF <c>Include</c>).</summary>
    public IReadOnlyList<ContributionPayment> Payments => _payments;

    /// <summary>Sequence of the journal entry that booked the receivable; null until posted (or when nothing is due).</summary>
    public long? JournalSequence { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>What the person still owes of their own part (with <see cref="Payments"/> loaded).</summary>
    public decimal Outstanding => IndividualDue - _payments.Sum(p => p.Amount);

    /// <summary>
    /// Issues the bill of <paramref name="personId"/> for <paramref name="period"/> from the engine's contribution
    /// lines: the total is their sum, the individual due the individual line. Each line names a known payer, once,
    /// with an amount that is not negative.
    /// </summary>
    /// <exception cref="BusinessRuleViolationException">A line breaks one of those rules; no bill.</exception>
    public static ContributionBill Issue(string tenantId, string period, Guid personId, string scheme, string regionCode,
        IEnumerable<ContributionLine> lines, string trace, DateTimeOffset issuedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(trace);
        var given = lines.ToList();
        foreach (var line in given)
        {
            BusinessRule.Check(new BillLineMustNameAKnownPayer(line.Payer));
            BusinessRule.Check(new BillLineMustNotBeNegative(line.Payer, line.Amount));
        }

        BusinessRule.Check(new BillHasOneLinePerPayer(given.Select(l => l.Payer)));

        var bill = new ContributionBill
        {
            TenantId = tenantId,
            Period = period,
            PersonId = personId,
            Scheme = scheme,
            RegionCode = regionCode,
            Total = given.Sum(l => l.Amount),
            IndividualDue = given.Where(l => l.Payer == Payer.Codes.Individual).Sum(l => l.Amount),
            Trace = trace,
            CreatedAt = issuedAt,
        };
        bill._lines.AddRange(given.Select(l => new ContributionBillLine(tenantId, bill.Id, l.Payer, l.Amount)));
        return bill;
    }

    /// <summary>Notes the journal entry that booked the receivable. A bill is booked once: the same entry again is a no-op.</summary>
    /// <exception cref="BusinessRuleViolationException">The bill was already booked by another entry.</exception>
    public void RecordPosting(long sequence)
    {
        BusinessRule.Check(new BillIsBookedOnce(JournalSequence, sequence));
        JournalSequence = sequence;
    }

    /// <summary>
    /// Records one receipt of the person's own contribution against this bill (its <see cref="Payments"/> loaded):
    /// a reference, an amount of whole cents above zero and at most what is <see cref="Outstanding"/>. Two clerks paying
    /// the same bill at once must be serialized by the caller (the bill's row lock) so that each sees the other's receipt.
    /// </summary>
    /// <param name="recordedBy">Who records it (user name), kept with the receipt.</param>
    /// <returns>The new payment, added to <see cref="Payments"/> (saved with the bill).</returns>
    /// <exception cref="BusinessRuleViolationException">A rule is broken; nothing was recorded.</exception>
    /// <param name="method">How the money came (<see cref="PaymentMethods"/>); the counter when not given.</param>
    public ContributionPayment RecordPayment(string reference, decimal amount, DateOnly paidOn, DateTimeOffset recordedAt,
        string recordedBy, string method = PaymentMethods.Counter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        var trimmed = reference?.Trim() ?? "";
        BusinessRule.Check(new PaymentMustCarryAReference(trimmed));
        BusinessRule.Check(new PaymentAmountMustBePositive(amount));
        BusinessRule.Check(new PaymentAmountMustBeWholeCents(amount));
        BusinessRule.Check(new PaymentMethodMustBeKnown(method));
        BusinessRule.Check(new PaymentMustNotExceedOutstanding(amount, Outstanding));
        var payment = ContributionPayment.Receive(this, trimmed, amount, paidOn, recordedAt, recordedBy, method);
        _payments.Add(payment);
        return payment;
    }
}

/// <summary>One payer's share of a bill (the engine's contribution line). Created with its bill.</summary>
public sealed class ContributionBillLine : ITenantOwned
{
    internal ContributionBillLine(string tenantId, Guid billId, string payer, decimal amount)
    {
        TenantId = tenantId;
        BillId = billId;
        Payer = payer;
        Amount = amount;
    }

    public string TenantId { get; private init; }

    public Guid BillId { get; private init; }

    /// <summary>The payer's code (<see cref="Vocabulary.Payer.Code"/>, as the engine writes it).</summary>
    public string Payer { get; private init; }

    public decimal Amount { get; private init; }
}
