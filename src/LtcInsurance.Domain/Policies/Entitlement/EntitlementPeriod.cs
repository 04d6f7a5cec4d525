using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Entitlement;

/// <summary>
/// The entitlement (待遇资格) of one conclusion: from the benefit start (the city's rule) to the earliest end event —
/// the last valid day, death (the day of death still counts), loss of insurance (the day before it) or a new
/// conclusion (the day before its own benefits start, or the day it is made when it opens none). Team readings of
/// 医保发〔2023〕29号 and 医保办发〔2024〕22号 (as reported); see <c>docs/policies/national.md</c>.
/// </summary>
public static class EntitlementPeriod
{
    public static (EntitlementSpan? Span, string EndReason, TraceStep Step) Apply(
        string clause, DateOnly benefitStart, ConclusionValidity validity, EntitlementEvents events)
    {
        ArgumentNullException.ThrowIfNull(validity);
        ArgumentNullException.ThrowIfNull(events);
        if (events.NewConclusion is { } made && events.NewBenefitStart is { } next && next <= made)
        {
            throw new PolicyException(ErrorCodes.InvalidInput, $"新结论的待遇起始日 {Publicity.Day(next)} 不能早于或等于其作出日 {Publicity.Day(made)}");
        }

        // candidates in tie order: death, loss of insurance, new conclusion, validity end
        var ends = new List<(DateOnly Last, string Reason)>();
        if (events.Death is { } death)
        {
            ends.Add((death, EntitlementEndReasons.Death));
        }

        if (events.InsuranceLost is { } lost)
        {
            ends.Add((lost.AddDays(-1), EntitlementEndReasons.InsuranceLost));
        }

        if (events.NewConclusion is { } conclusion)
        {
            ends.Add((events.NewBenefitStart?.AddDays(-1) ?? conclusion, EntitlementEndReasons.NewConclusion));
        }

        ends.Add((validity.ValidTo, EntitlementEndReasons.ValidityEnd));
        var (last, reason) = ends.Aggregate((a, b) => b.Last < a.Last ? b : a);
        var span = last >= benefitStart ? new EntitlementSpan(benefitStart, last, reason) : null;
        var step = RuleNames.Step(
            RuleNames.EntitlementEnd,
            clause,
            [],
            new Dictionary<string, object?>
            {
                ["benefitStart"] = benefitStart,
                ["validTo"] = validity.ValidTo,
                ["death"] = events.Death,
                ["insuranceLost"] = events.InsuranceLost,
                ["newConclusion"] = events.NewConclusion,
                ["newBenefitStart"] = events.NewBenefitStart,
            },
            new Dictionary<string, object?> { ["entitledFrom"] = span?.From, ["entitledTo"] = span?.To, ["endReason"] = reason });
        return (span, reason, step);
    }
}

/// <summary>
/// Hospital stays removed from entitlement intervals where the city suspends benefits during them (YL 二(四)5: from the
/// day after admission, resuming the day after discharge; SS 二(五)4(3): nothing paid during an inpatient stay or
/// emergency observation; digest interpretation 1: day d is suspended when admitted &lt; d ≤ discharged). Where the city
/// is silent the switch is a tenant parameter without a value, read only when a stay actually overlaps an interval.
/// </summary>
public static class HospitalDays
{
    /// <summary>The days a stay suspends (none for a same-day stay), open-ended while the person is still in hospital.</summary>
    public static DateRange? Suspended(HospitalStay stay)
    {
        ArgumentNullException.ThrowIfNull(stay);
        if (stay.Discharged is { } discharged && discharged < stay.Admitted)
        {
            throw new PolicyException(ErrorCodes.InvalidInput, $"出院日 {Publicity.Day(discharged)} 早于入院日 {Publicity.Day(stay.Admitted)}");
        }

        return stay.Discharged == stay.Admitted ? null : new DateRange(stay.Admitted.AddDays(1), stay.Discharged);
    }

    public static (IReadOnlyList<DateRange> Intervals, TraceStep Step) Remove(
        IReadOnlyList<DateRange> intervals, IReadOnlyList<HospitalStay> stays, Func<ResolvedParameter> suspend, string silentClause)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(suspend);
        var suspended = stays.Select(Suspended).OfType<DateRange>().ToList();
        var overlapping = suspended.Where(s => intervals.Any(i => Overlaps(i, s))).ToList();
        ResolvedParameter? flag = null;
        IReadOnlyList<DateRange> result = intervals;
        if (overlapping.Count > 0)
        {
            flag = suspend();
            if (flag.Flag)
            {
                result = [.. intervals.SelectMany(i => overlapping.Aggregate((IEnumerable<DateRange>)[i], (parts, s) => parts.SelectMany(p => Minus(p, s))))
                    .OrderBy(r => r.From)];
            }
        }

        var step = RuleNames.Step(
            RuleNames.HospitalSuspension,
            flag?.Clause ?? silentClause,
            flag is null ? [] : [flag],
            new Dictionary<string, object?>
            {
                ["intervals"] = intervals.Select(Text).ToList(),
                ["hospitalStays"] = stays.Select(s => $"{Publicity.Day(s.Admitted)}..{(s.Discharged is { } d ? Publicity.Day(d) : string.Empty)}").ToList(),
            },
            new Dictionary<string, object?>
            {
                ["overlappingStays"] = overlapping.Count,
                ["intervals"] = result.Select(Text).ToList(),
            });
        return (result, step);
    }

    private static bool Overlaps(DateRange a, DateRange b) =>
        (a.To is null || b.From <= a.To) && (b.To is null || a.From <= b.To);

    /// <summary>The parts of <paramref name="range"/> outside <paramref name="cut"/>.</summary>
    private static IEnumerable<DateRange> Minus(DateRange range, DateRange cut)
    {
        if (!Overlaps(range, cut))
        {
            yield return range;
            yield break;
        }

        if (cut.From > range.From)
        {
            yield return new DateRange(range.From, cut.From.AddDays(-1));
        }

        if (cut.To is { } cutTo && (range.To is null || cutTo < range.To))
        {
            yield return new DateRange(cutTo.AddDays(1), range.To);
        }
    }

    private static string Text(DateRange r) => $"{Publicity.Day(r.From)}..{(r.To is { } to ? Publicity.Day(to) : string.Empty)}";
}

/// <summary>
/// The assessment fee (评估费): a tenant's amount per assessment, split between the fund and the person by the fund's
/// share (the fund's part rounded once to 0.01 yuan half away from zero, the person's the rest), and the fund's part
/// counted in the agency-fee ceiling where the city's ceiling includes assessment fees (YL 三(六)).
/// </summary>
public static class AssessmentFees
{
    public static (AssessmentFeeSplit Split, TraceStep Step) Split(string clause, ResolvedParameter fee, ResolvedParameter fundShare)
    {
        ArgumentNullException.ThrowIfNull(fee);
        ArgumentNullException.ThrowIfNull(fundShare);
        if (fee.Number < 0)
        {
            throw new PolicyException(EntitlementCodes.ParameterOutOfRange, $"参数 {fee.Name} 不能为负数（依据 {fee.Clause}）");
        }

        if (fundShare.Number is < 0 or > 1)
        {
            throw new PolicyException(EntitlementCodes.ParameterOutOfRange, $"参数 {fundShare.Name} 须在 0 与 1 之间（依据 {fundShare.Clause}）");
        }

        var fund = Money.Round(fee.Number * fundShare.Number);
        var split = new AssessmentFeeSplit(fee.Number, fund, fee.Number - fund);
        var step = RuleNames.Step(
            RuleNames.AssessmentFee,
            clause,
            [fee, fundShare],
            new Dictionary<string, object?>(),
            new Dictionary<string, object?> { ["fee"] = split.Fee, ["fundPays"] = split.FundPays, ["personPays"] = split.PersonPays });
        return (split, step);
    }

    /// <summary>
    /// The year's agency-fee usage once this fee's fund part is added to the assessment fees already counted
    /// (<see cref="Ledger.AgencyFeeCeiling.Check"/>); where the ceiling does not include assessment fees the fee changes
    /// nothing. <see cref="AssessmentFeeCeilingCheck.ExceedsBindingCeiling"/> tells a caller to refuse before posting.
    /// </summary>
    public static (AssessmentFeeCeilingCheck Check, TraceStep Step) CountInCeiling(
        Ledger.AgencyFeeCeilingRule rule, IReadOnlyList<ResolvedParameter> ruleParameters, int year, decimal yearFunding,
        decimal agencyFeesSoFar, decimal assessmentFeesSoFar, AssessmentFeeSplit fee)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(fee);
        var usage = Ledger.AgencyFeeCeiling.Check(rule, year, yearFunding, agencyFeesSoFar, assessmentFeesSoFar + fee.FundPays);
        var counted = rule.IncludesAssessmentFees ? fee.FundPays : 0m;
        var check = new AssessmentFeeCeilingCheck(usage, counted, rule.Binding && usage.Exceeded);
        var step = RuleNames.Step(
            RuleNames.AgencyFeeCeiling,
            rule.Clause,
            ruleParameters,
            new Dictionary<string, object?>
            {
                ["year"] = year,
                ["yearFunding"] = yearFunding,
                ["agencyFeesSoFar"] = agencyFeesSoFar,
                ["assessmentFeesSoFar"] = assessmentFeesSoFar,
                ["assessmentFeeFundPays"] = fee.FundPays,
            },
            new Dictionary<string, object?>
            {
                ["counted"] = counted,
                ["feesCounted"] = usage.FeesCounted,
                ["ceiling"] = usage.Ceiling,
                ["remaining"] = usage.Remaining,
                ["exceeded"] = usage.Exceeded,
                ["binding"] = rule.Binding,
            });
        return (check, step);
    }
}
