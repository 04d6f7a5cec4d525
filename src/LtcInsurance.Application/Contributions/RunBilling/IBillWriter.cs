namespace LtcInsurance.Application.Contributions.RunBilling;

/// <summary>
/// Writes a billing batch's bills and their lines set-based, in the caller's transaction: one statement for the batch,
/// no change tracking. The traces are given once each (<paramref name="traces"/>); a bill names its trace by index.
/// </summary>
public interface IBillWriter
{
    Task InsertAsync(string period, DateTimeOffset createdAt, IReadOnlyList<NewBill> bills, IReadOnlyList<string> traces,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Refreshes the planner's statistics of the bills, their lines and the journal after a run has written them, so the
    /// statements that read the run back (its totals, the leftovers) are planned on what the tables now hold.
    /// </summary>
    Task RefreshStatisticsAsync(CancellationToken cancellationToken = default);
}

/// <summary>A bill to insert: the person, scheme and region, the engine's lines, the trace (index into the batch's traces) and the entry that booked it.</summary>
public sealed record NewBill(Guid Id, Guid PersonId, string Scheme, string RegionCode, decimal Total, decimal IndividualDue,
    IReadOnlyList<Domain.Policies.Cases.ContributionLine> Lines, int Trace, long? JournalSequence);
