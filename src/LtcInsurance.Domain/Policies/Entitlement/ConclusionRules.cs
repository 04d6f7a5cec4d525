using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Entitlement;

/// <summary>
/// How long a conclusion holds, when to remind before it expires, and when a re-assessment may be asked for
/// (医保发〔2023〕29号 as reported: severe conclusions valid at most 2 years; re-assessment on request after 6 months, or
/// when the condition changed or a spot check found a change; re-assess before the validity ends).
/// </summary>
public static class ConclusionRules
{
    /// <summary>
    /// Valid from the conclusion's day for <paramref name="months"/> months (to the day before the same date that many
    /// months later). A severe conclusion's months may not exceed <see cref="EntitlementParameters.MaximumSevereValidityMonths"/>.
    /// </summary>
    public static (ConclusionValidity Validity, TraceStep Step) Validity(string clause, DateOnly conclusionDate, bool severe, ResolvedParameter months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var count = (int)months.Number;
        var maximum = severe ? EntitlementParameters.MaximumSevereValidityMonths : 1200;
        if (count < 1 || count > maximum)
        {
            throw new PolicyException(
                EntitlementCodes.ParameterOutOfRange,
                severe
                    ? $"参数 {months.Name} 为 {count} 个月：重度失能评估结论有效期最长 {maximum} 个月（{EntitlementParameters.NationalAssessmentRules}，依据 {months.Clause}）"
                    : $"参数 {months.Name} 为 {count} 个月，有效期须至少 1 个月（依据 {months.Clause}）");
        }

        var validity = new ConclusionValidity(conclusionDate, severe, count, conclusionDate.AddMonths(count).AddDays(-1));
        var step = RuleNames.Step(
            RuleNames.ConclusionValidity,
            clause,
            [months],
            new Dictionary<string, object?> { ["conclusionDate"] = conclusionDate, ["severe"] = severe },
            new Dictionary<string, object?> { ["validTo"] = validity.ValidTo });
        return (validity, step);
    }

    /// <summary>The reminder day: <paramref name="daysBefore"/> days before the last valid day, never before the conclusion.</summary>
    public static (DateOnly Reminder, TraceStep Step) Reminder(string clause, ConclusionValidity validity, ResolvedParameter daysBefore)
    {
        ArgumentNullException.ThrowIfNull(validity);
        ArgumentNullException.ThrowIfNull(daysBefore);
        var days = (int)daysBefore.Number;
        if (days < 0)
        {
            throw new PolicyException(EntitlementCodes.ParameterOutOfRange, $"参数 {daysBefore.Name} 不能为负数（依据 {daysBefore.Clause}）");
        }

        var reminder = validity.ValidTo.AddDays(-days);
        if (reminder < validity.ConclusionDate)
        {
            reminder = validity.ConclusionDate;
        }

        var step = RuleNames.Step(
            RuleNames.ExpiryReminder,
            clause,
            [daysBefore],
            new Dictionary<string, object?> { ["conclusionDate"] = validity.ConclusionDate, ["validTo"] = validity.ValidTo },
            new Dictionary<string, object?> { ["reminder"] = reminder });
        return (reminder, step);
    }

    /// <summary>
    /// Whether a re-assessment asked for on <paramref name="requested"/> is accepted: on the person's request only from
    /// <paramref name="months"/> months after the last conclusion; on a change of condition, a spot check's order or
    /// before the validity ends at any time.
    /// </summary>
    public static (RuleDecision Decision, DateOnly Earliest, TraceStep Step) Reassessment(
        string clause, DateOnly lastConclusion, DateOnly requested, ReassessmentGround ground, ResolvedParameter months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var earliest = lastConclusion.AddMonths((int)months.Number);
        RuleDecision decision = ground switch
        {
            ReassessmentGround.PersonRequest when requested < earliest => new(false, EntitlementCodes.ReassessmentTooEarly, clause,
                $"距上次评估结论（{Publicity.Day(lastConclusion)}）未满 {months.Number:0} 个月，且未申报失能状况发生变化，" +
                $"最早可于 {Publicity.Day(earliest)} 申请重新评估（依据 {clause}）"),
            ReassessmentGround.PersonRequest => new(true, null, clause,
                $"距上次评估结论已满 {months.Number:0} 个月，可申请重新评估（依据 {clause}）"),
            _ => new(true, null, clause, ground switch
            {
                ReassessmentGround.ConditionChanged => $"失能状况发生变化，可随时申请重新评估（依据 {clause}）",
                ReassessmentGround.SpotCheckOrdered => $"抽查发现失能状况变化，经办机构可随时组织重新评估（依据 {clause}）",
                _ => $"评估结论有效期届满前重新评估（依据 {clause}）",
            }),
        };
        var step = RuleNames.Step(
            RuleNames.ReassessmentInterval,
            clause,
            [months],
            new Dictionary<string, object?> { ["lastConclusion"] = lastConclusion, ["requested"] = requested, ["ground"] = ground.ToString() },
            new Dictionary<string, object?> { ["allowed"] = decision.Allowed, ["earliest"] = earliest });
        return (decision, earliest, step);
    }
}
