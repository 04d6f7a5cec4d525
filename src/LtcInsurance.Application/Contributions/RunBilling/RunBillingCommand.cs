using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Contributions.GetBillingTotals;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Contributions.RunBilling;

/// <summary>
/// The contribution billing run of the current tenant for one period: bills every person enrolled in it through the
/// policy engine and books the receivables. Safe to repeat: existing bills and entries are left as they are.
/// Throws <see cref="BillingRefusedException"/> (nothing written) when the run cannot be made.
/// </summary>
/// <param name="Period">In the city's unit: "2027" for a yearly city, "2027-03" for Yulin.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RunBillingCommand(string Period) : IRequest<BillingRunResult>
{
    /// <summary>People per transaction: a batch's bills, lines and journal entries commit together.</summary>
    public const int BatchSize = 500;
}

/// <summary>A person the run could not bill, with the engine's code and Chinese message (e.g. a missing wage base).</summary>
public sealed record SkippedPerson(PersonId PersonId, string Name, string Code, string Message);

/// <param name="BillsAlreadyPresent">People of the period billed by an earlier run; left as they are.</param>
/// <param name="EntriesPosted">Journal entries this run wrote (a bill with nothing due books none).</param>
/// <param name="Totals">The period's totals after the run (all runs so far).</param>
public sealed record BillingRunResult(
    string Period,
    int BillsCreated,
    int BillsAlreadyPresent,
    int EntriesPosted,
    IReadOnlyList<SkippedPerson> Skipped,
    BillingTotals Totals);
