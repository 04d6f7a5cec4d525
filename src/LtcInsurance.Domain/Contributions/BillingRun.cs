using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// The record of one billing run (缴费核定) that wrote its bills: who ran it, when, for which period and what it did.
/// Written once its batches are done; a run that wrote nothing leaves a record only when it billed nobody or skipped
/// people (with its reasons), never changed afterwards.
/// </summary>
public sealed class BillingRun : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private BillingRun()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>"2027" or "2027-03".</summary>
    public string Period { get; private init; } = "";

    /// <summary>The signed-in user (or CLI operator) who ran it.</summary>
    public string RunBy { get; private init; } = "";

    public DateTimeOffset RunAt { get; private init; }

    public int BillsCreated { get; private init; }

    /// <summary>People of the period who already had a bill (left alone).</summary>
    public int BillsExisting { get; private init; }

    public int EntriesPosted { get; private init; }

    public int PeopleSkipped { get; private init; }

    /// <summary>
    /// Why people were not billed, as a JSON object of counts per reason (e.g. <c>{"no_base": 3, "not_enrolled": 12}</c>);
    /// null for runs recorded before the reasons were kept.
    /// </summary>
    public string? Reasons { get; private init; }

    public static BillingRun Record(string tenantId, string period, string runBy, DateTimeOffset runAt,
        int billsCreated, int billsExisting, int entriesPosted, int peopleSkipped, IReadOnlyDictionary<string, int>? reasons = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(runBy);
        return new BillingRun
        {
            TenantId = tenantId, Period = period, RunBy = runBy, RunAt = runAt, BillsCreated = billsCreated,
            BillsExisting = billsExisting, EntriesPosted = entriesPosted, PeopleSkipped = peopleSkipped,
            Reasons = reasons is null ? null : System.Text.Json.JsonSerializer.Serialize(reasons),
        };
    }
}
