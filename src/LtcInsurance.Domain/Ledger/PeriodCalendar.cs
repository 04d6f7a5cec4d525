namespace LtcInsurance.Domain.Ledger;

/// <summary>Where an entry is booked: its period, and for a late item the closed period it belongs to.</summary>
public readonly record struct PeriodPlacement(LedgerPeriod Period, LedgerPeriod? OriginalPeriod);

/// <summary>
/// Decides which period an entry goes into. A closed period takes no more postings; an item dated in a
/// closed period (a late bill or claim) is booked in the first open period after it and keeps a reference
/// to the period it belongs to, so the closed month's figures never change after they were reported.
/// </summary>
public sealed class PeriodCalendar
{
    private readonly SortedSet<LedgerPeriod> closed;

    public PeriodCalendar(IEnumerable<LedgerPeriod> closedPeriods) => closed = [.. closedPeriods];

    public IReadOnlySet<LedgerPeriod> Closed => closed;

    public bool IsClosed(LedgerPeriod period) => closed.Contains(period);

    /// <summary>
    /// Places a draft. An explicitly requested period must be open (else <see cref="LedgerRules.ClosedPeriod"/>);
    /// without one, the business date's period is used, or the first open period after it.
    /// </summary>
    public PeriodPlacement Place(EntryDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var own = LedgerPeriod.Of(draft.BusinessDate);
        if (draft.Period is { } asked)
        {
            if (IsClosed(asked))
                throw new LedgerRuleException(LedgerRules.ClosedPeriod, $"会计期间 {asked} 已结账 / period {asked} is closed");
            return new PeriodPlacement(asked, asked == own ? null : own);
        }
        var target = own;
        while (IsClosed(target))
            target = target.Next();
        return new PeriodPlacement(target, target == own ? null : own);
    }

    public void Close(LedgerPeriod period) => closed.Add(period);
}
