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
/// <param name="Skipped">Enrolled people the run could not bill (the engine refused them: no base, not insured …).</param>
/// <param name="EntriesPosted">Journal entries this run wrote: one per region of each batch with something due (its postings the sums per payer).</param>
/// <param name="Totals">The period's totals after the run (all runs so far).</param>
public sealed record BillingRunResult(
    string Period,
    int BillsCreated,
    int BillsAlreadyPresent,
    int EntriesPosted,
    IReadOnlyList<SkippedPerson> Skipped,
    BillingTotals Totals)
{
    /// <summary>
    /// People of the register the run did not bill, counted per reason (<see cref="BillingSkipReasons"/>): the skipped
    /// ones by their refusal (<c>no_base</c> for a missing wage or pension base, else the engine's code) and those not
    /// billable at all in the period (<c>not_enrolled</c>, <c>deceased</c>). Empty for results stored before reasons were kept.
    /// </summary>
    public IReadOnlyDictionary<string, int> Reasons { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Not a plain success: the period has no bill at all after the run, or the run skipped enrolled people. Pages show
    /// such a run as a warning with <see cref="Reasons"/>, never as a green success.
    /// </summary>
    public bool Warning => BillsCreated + BillsAlreadyPresent == 0 || Skipped.Count > 0;
}

/// <summary>The reasons a billing run did not bill a person of the register, with their Chinese names.</summary>
public static class BillingSkipReasons
{
    /// <summary>Enrolled, but the base the scheme charges a rate on (wage or pension) is missing for the period.</summary>
    public const string NoBase = "no_base";

    /// <summary>On the register, but no enrollment covers any day of the period.</summary>
    public const string NotEnrolled = "not_enrolled";

    /// <summary>Died before the period started.</summary>
    public const string Deceased = "deceased";

    /// <summary>A figure the run needs is unset (the run is refused as a whole and writes nothing).</summary>
    public const string ParameterMissing = Domain.ErrorCodes.ParameterMissing;

    public static string ChineseName(string reason) => reason switch
    {
        NoBase => "缺少缴费基数",
        NotEnrolled => "本期未参保",
        Deceased => "期间开始前已死亡",
        ParameterMissing => "政策参数未设定",
        Domain.ErrorCodes.NotInsured => "不符合参保条件",
        Domain.ErrorCodes.InvalidInput => "登记信息不足以核定",
        _ => reason,
    };

    /// <summary>"缺少缴费基数 3 人；本期未参保 12 人" (reasons in a fixed order, then the others).</summary>
    public static string Describe(IReadOnlyDictionary<string, int> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        string[] order = [NoBase, ParameterMissing, NotEnrolled, Deceased];
        return string.Join("；", reasons.Where(r => r.Value > 0)
            .OrderBy(r => Array.IndexOf(order, r.Key) is var i && i >= 0 ? i : order.Length).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{ChineseName(r.Key)} {r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} 人"));
    }
}
