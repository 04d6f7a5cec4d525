namespace LtcInsurance.Domain.Policies.Entitlement;

/// <summary>What kind of assessment produced a conclusion (医保发〔2023〕29号 as reported).</summary>
public enum ConclusionKind
{
    /// <summary>A first assessment on application (初次评估).</summary>
    Initial,

    /// <summary>The review after an objection during publicity (复评), by other assessors; its conclusion is final.</summary>
    Review,

    /// <summary>A new assessment on request after the waiting months, on a change of condition or ordered (重新评估).</summary>
    Reassessment,
}

/// <summary>Why a re-assessment is asked for.</summary>
public enum ReassessmentGround
{
    /// <summary>The person (or family) asks: allowed only after the months of <see cref="EntitlementParameters.ReassessmentAfterMonths"/>.</summary>
    PersonRequest,

    /// <summary>The person declares that the condition changed: allowed at any time.</summary>
    ConditionChanged,

    /// <summary>Ordered after a spot check found a change (抽查发现变化): allowed at any time.</summary>
    SpotCheckOrdered,

    /// <summary>Before the validity ends (届满前重新评估): allowed at any time.</summary>
    ValidityExpiring,
}

/// <summary>
/// An answer a clerk can read out: allowed or not, the refusal's code, the clause, a Chinese sentence, and the next step.
/// </summary>
public sealed record RuleDecision(bool Allowed, string? Refusal, string Clause, string Message);

/// <summary>Codes of the refusals and outcomes of this family's rules.</summary>
public static class EntitlementCodes
{
    public const string ObjectionOutsidePublicity = "objection_outside_publicity";
    public const string ReviewConclusionFinal = "review_conclusion_final";
    public const string ReviewRequired = "review_required";
    public const string ReassessmentTooEarly = "reassessment_too_early";
    public const string PublicityRequired = "publicity_required";
    public const string WorkingCalendarRequired = "working_calendar_required";
    public const string ParameterOutOfRange = "parameter_out_of_range";
}

/// <summary>The publicity of a conclusion: from <see cref="First"/> to <see cref="Last"/>, both days included.</summary>
public sealed record PublicityPeriod(DateOnly First, DateOnly Last, int Days, string Counting)
{
    public bool Contains(DateOnly day) => day >= First && day <= Last;
}

/// <summary>How long a conclusion holds: from the conclusion's day to <see cref="ValidTo"/> included.</summary>
public sealed record ConclusionValidity(DateOnly ConclusionDate, bool Severe, int Months, DateOnly ValidTo);

/// <summary>Why an entitlement ends (the earliest of these events wins; on the same day, in this order).</summary>
public static class EntitlementEndReasons
{
    public const string Death = "death";
    public const string InsuranceLost = "insurance_lost";
    public const string NewConclusion = "new_conclusion";
    public const string ValidityEnd = "validity_end";
}

/// <summary>
/// Events that end an entitlement. <paramref name="Death"/>: the day of death (the last day counted).
/// <paramref name="InsuranceLost"/>: the first day the person is no longer insured. <paramref name="NewConclusion"/>:
/// the day a later conclusion is made; <paramref name="NewBenefitStart"/> the first day that conclusion's own benefits
/// run when it opens benefits (the old entitlement then lasts until the day before, within its validity).
/// </summary>
public sealed record EntitlementEvents(
    DateOnly? Death = null,
    DateOnly? InsuranceLost = null,
    DateOnly? NewConclusion = null,
    DateOnly? NewBenefitStart = null);

/// <summary>The entitlement of one conclusion: from the benefit start to its last day, with the reason it ends.</summary>
public sealed record EntitlementSpan(DateOnly From, DateOnly To, string EndReason)
{
    public DateRange Range => new(From, To);
}

/// <summary>
/// One conclusion's entitlement (null when an end event comes before benefits could start, with that reason in
/// <see cref="EndReason"/>) and its days left once hospital days are removed.
/// </summary>
public sealed record EntitlementIntervals(EntitlementSpan? Span, string EndReason, IReadOnlyList<DateRange> Intervals);

/// <summary>An assessment fee and who pays it.</summary>
public sealed record AssessmentFeeSplit(decimal Fee, decimal FundPays, decimal PersonPays);

/// <summary>
/// An assessment fee's fund part counted against the city's agency-fee ceiling: the year's usage with the fee, and
/// whether the fee goes beyond a binding ceiling.
/// </summary>
public sealed record AssessmentFeeCeilingCheck(Ledger.AgencyFeeUsage Usage, decimal Counted, bool ExceedsBindingCeiling);

/// <summary>A rule's answer with the trace steps it wrote and the parameters they used.</summary>
public sealed record Traced<T>(T Value, IReadOnlyList<TraceStep> Trace)
{
    public IReadOnlyList<Parameters.ResolvedParameter> ParametersUsed =>
        [.. Trace.SelectMany(s => s.Parameters).Distinct()];
}
