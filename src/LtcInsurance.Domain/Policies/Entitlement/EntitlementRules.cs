using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using P = LtcInsurance.Domain.Policies.Entitlement.EntitlementParameters;

namespace LtcInsurance.Domain.Policies.Entitlement;

/// <summary>
/// The rules from a conclusion to benefits for one tenant (issue #12 items 5–8), each reading the city module's
/// parameters with their clauses and answering with the trace it wrote: publicity and objection, validity, reminder and
/// re-assessment, benefit start (the city's rule, <see cref="CityScheme.Entitlement"/>), the entitlement's end, hospital
/// days and the assessment fee. Pure: the caller supplies dates, events and, for working-day counting, the calendar.
/// Parameters without a value refuse with <c>parameter_missing</c>. Obtain one from
/// <see cref="PolicyCalculator.Entitlement"/>; every call is dated by its own inputs.
/// </summary>
public sealed class EntitlementRules
{
    private readonly PolicyContext _context;

    internal EntitlementRules(CityScheme scheme, PolicyContext context)
    {
        Scheme = scheme;
        _context = context;
    }

    public CityScheme Scheme { get; }

    /// <summary>The publicity of a conclusion posted on <paramref name="start"/>.</summary>
    public Traced<PublicityPeriod> Publicity(DateOnly start, Func<DateOnly, bool>? isWorkingDay = null) => Run(() =>
    {
        var days = _context.Param(P.PublicityDays, start);
        var counting = _context.Param(P.PublicityDayCounting, start);
        var (period, step) = Entitlement.Publicity.Apply(days.Clause, start, days, counting, isWorkingDay);
        _context.Record(step);
        return period;
    });

    /// <summary>Whether an objection lodged on <paramref name="lodged"/> against a conclusion of <paramref name="kind"/> is accepted.</summary>
    public Traced<RuleDecision> Objection(PublicityPeriod publicity, ConclusionKind kind, DateOnly lodged) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(publicity);
        var (decision, step) = Entitlement.Publicity.Objection(ClauseOf(P.PublicityDays), publicity, kind, lodged);
        _context.Record(step);
        return decision;
    });

    /// <summary>The validity of a conclusion that opens benefits (severe or, where the tenant covers it, not).</summary>
    public Traced<ConclusionValidity> Validity(DateOnly conclusionDate, bool severe) => Run(() =>
    {
        var months = _context.Param(severe ? P.SevereConclusionValidityMonths : P.OtherConclusionValidityMonths, conclusionDate);
        var (validity, step) = ConclusionRules.Validity(months.Clause, conclusionDate, severe, months);
        _context.Record(step);
        return validity;
    });

    /// <summary>The day to remind the person and the agency that the conclusion expires.</summary>
    public Traced<DateOnly> ExpiryReminder(ConclusionValidity validity) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(validity);
        var days = _context.Param(P.ExpiryReminderDays, validity.ConclusionDate);
        var (reminder, step) = ConclusionRules.Reminder(days.Clause, validity, days);
        _context.Record(step);
        return reminder;
    });

    /// <summary>Whether a re-assessment (or a new application) on <paramref name="requested"/> is accepted after the last conclusion.</summary>
    public Traced<RuleDecision> Reassessment(DateOnly lastConclusion, DateOnly requested, ReassessmentGround ground) => Run(() =>
    {
        var months = _context.Param(P.ReassessmentAfterMonths, requested);
        var (decision, _, step) = ConclusionRules.Reassessment(months.Clause, lastConclusion, requested, ground, months);
        _context.Record(step);
        return decision;
    });

    /// <summary>
    /// The first day of benefits by the city's rule (<c>benefitStartRule</c>; Yulin's waiting period included). Where the
    /// rule starts after publicity the publicity must be given, except for a 复评 conclusion: final, it is not publicised
    /// again and its own day stands for the end of publicity (team reading).
    /// </summary>
    public Traced<EntitlementResult> BenefitStart(
        DateOnly conclusionDate, ConclusionKind kind, PublicityPeriod? publicity, DateOnly? serviceStart,
        Enrolment? enrolment = null, DateOnly? disabledSince = null) => Run(() =>
    {
        var rule = _context.Param(CommonParameters.BenefitStartRule, conclusionDate);
        var afterPublicity = rule.Text is CommonParameters.StartDayAfterPublicity or CommonParameters.StartWhenServiceStartsAfterPublicity;
        DateOnly? publicityEnds = publicity?.Last;
        if (afterPublicity && publicityEnds is null)
        {
            publicityEnds = kind == ConclusionKind.Review
                ? conclusionDate
                : throw new PolicyException(EntitlementCodes.PublicityRequired,
                    $"待遇起始规则 {rule.Text} 自评估结论公示后起算（依据 {rule.Clause}），须先确定公示期");
        }

        return Scheme.Entitlement(new EntitlementInput(enrolment, conclusionDate, publicityEnds, serviceStart, disabledSince), _context);
    });

    /// <summary>
    /// The entitlement of one conclusion from its benefit start to the earliest end event, then without the hospital days
    /// the city suspends (its <c>suspendDuringHospitalStay</c>, read only when a stay overlaps the entitlement).
    /// </summary>
    public Traced<EntitlementIntervals> Intervals(
        DateOnly benefitStart, ConclusionValidity validity, EntitlementEvents events, IReadOnlyList<HospitalStay> stays) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(validity);
        ArgumentNullException.ThrowIfNull(stays);
        var basis = ClauseOf(CommonParameters.BenefitStartRule);
        var (span, reason, step) = EntitlementPeriod.Apply(basis, benefitStart, validity, events);
        _context.Record(step);
        IReadOnlyList<DateRange> intervals = span is null ? [] : [span.Range];
        var (kept, hospitalStep) = HospitalDays.Remove(
            intervals, stays, () => _context.Param(CommonParameters.SuspendDuringHospitalStay, benefitStart), ClauseOf(CommonParameters.SuspendDuringHospitalStay));
        _context.Record(hospitalStep);
        return new EntitlementIntervals(span, reason, kept);
    });

    /// <summary>Intervals without the hospital days the city suspends (for intervals computed elsewhere).</summary>
    public Traced<IReadOnlyList<DateRange>> WithoutHospitalDays(IReadOnlyList<DateRange> intervals, IReadOnlyList<HospitalStay> stays) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var date = intervals.Count == 0 ? DateOnly.MinValue : intervals.Min(i => i.From);
        var (kept, step) = HospitalDays.Remove(
            intervals, stays, () => _context.Param(CommonParameters.SuspendDuringHospitalStay, date), ClauseOf(CommonParameters.SuspendDuringHospitalStay));
        _context.Record(step);
        return kept;
    });

    /// <summary>The fee of an assessment made on <paramref name="assessed"/> and who pays it.</summary>
    public Traced<AssessmentFeeSplit> AssessmentFee(DateOnly assessed) => Run(() =>
    {
        var fee = _context.Param(P.AssessmentFee, assessed);
        var share = _context.Param(P.AssessmentFeeFundShare, assessed);
        var (split, step) = AssessmentFees.Split(share.Clause, fee, share);
        _context.Record(step);
        return split;
    });

    /// <summary>
    /// The fee's fund part counted in the city's agency-fee ceiling for <paramref name="year"/> (the amounts so far come
    /// from the books, <see cref="AgencyFeeCeiling.Measure"/>); null when the city has no ceiling.
    /// </summary>
    public Traced<AssessmentFeeCeilingCheck?> CountInAgencyFeeCeiling(
        AssessmentFeeSplit fee, int year, decimal yearFunding, decimal agencyFeesSoFar, decimal assessmentFeesSoFar) => Run<AssessmentFeeCeilingCheck?>(() =>
    {
        ArgumentNullException.ThrowIfNull(fee);
        if (yearFunding < 0 || agencyFeesSoFar < 0 || assessmentFeesSoFar < 0)
        {
            throw new PolicyException(ErrorCodes.InvalidInput, "筹资总额与已发生费用不能为负数");
        }

        var date = new DateOnly(year, 1, 1);
        if (_context.ParamOrNull(AgencyFeeCeilingParameters.Ratio, date) is not { } ratio)
        {
            return (AssessmentFeeCeilingCheck?)null;
        }

        var includes = _context.Param(AgencyFeeCeilingParameters.IncludesAssessmentFees, date);
        var binding = _context.Param(AgencyFeeCeilingParameters.Binding, date);
        var rule = new AgencyFeeCeilingRule(ratio.Number, includes.Flag, binding.Flag, ratio.Clause);
        var (check, step) = AssessmentFees.CountInCeiling(rule, [ratio, includes, binding], year, yearFunding, agencyFeesSoFar, assessmentFeesSoFar, fee);
        _context.Record(step);
        return check;
    });

    private string ClauseOf(string name) =>
        Scheme.Parameters.FirstOrDefault(p => p.Name == name)?.Clause ?? Scheme.Title;

    private Traced<T> Run<T>(Func<T> rule)
    {
        var before = _context.Trace.Count;
        var value = rule();
        return new Traced<T>(value, [.. _context.Trace.Skip(before)]);
    }
}
