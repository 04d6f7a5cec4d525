using System.Globalization;

namespace LtcInsurance.Domain.Assessment;

/// <summary>What acceptance (受理审核) knows about an application, gathered by the use case.</summary>
/// <param name="Insured">Some enrollment period of the person covers <paramref name="On"/>.</param>
/// <param name="InBenefitPopulation">The city's eligibility rule admits the person on <paramref name="On"/>.</param>
/// <param name="PopulationReason">The eligibility rule's reason when it does not (e.g. <c>work_injury_care_allowance</c>).</param>
/// <param name="PopulationClause">The clause of the rule that decided.</param>
/// <param name="MinimumDisabilityMonths">Months the disability must have lasted where the city requires it, else null.</param>
/// <param name="LastConclusion">The day of the person's last assessment conclusion, if any.</param>
/// <param name="ReapplicationMonths">Months after a conclusion during which a new application is not accepted.</param>
public sealed record AcceptanceFacts(
    DateOnly On,
    string PersonName,
    bool Insured,
    bool InBenefitPopulation,
    string? PopulationReason,
    string PopulationClause,
    int? MinimumDisabilityMonths,
    string? DisabilityClause,
    DateOnly? DisabledSince,
    DateOnly? LastConclusion,
    int ReapplicationMonths,
    string ReapplicationClause,
    bool ConditionChanged,
    string ApplicantKind,
    IReadOnlyCollection<string> ProvidedDocuments);

/// <summary>The outcome of acceptance: accepted, refused (with reason and clause), or incomplete (every missing document).</summary>
public sealed record AcceptanceDecision(string Outcome, string? Code, string? Clause, string Message, IReadOnlyList<string> MissingDocuments)
{
    public const string Accept = "accepted";
    public const string Refuse = "refused";
    public const string Incomplete = "incomplete";

    public bool Accepted => Outcome == Accept;
}

/// <summary>
/// 受理审核: the checks in the order a clerk reads them out. The first eligibility failure refuses (insured, benefit
/// population, lasting disability, re-application); if the person may apply, missing documents give one notice that
/// lists all of them. Pure: the use case gathers the facts.
/// </summary>
public static class AcceptanceCheck
{
    public static AcceptanceDecision Decide(AcceptanceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var name = facts.PersonName;
        if (!facts.Insured)
        {
            return Refused(AssessmentCodes.NotInsured, AssessmentClauses.Acceptance,
                $"{name} 在申请日 {Day(facts.On)} 未参加长期护理保险，不予受理");
        }

        if (!facts.InBenefitPopulation)
        {
            return Refused(AssessmentCodes.NotInBenefitPopulation, facts.PopulationClause,
                $"{name} 不属于长期护理保险保障对象（{Enrollment.RefusalReasons.Chinese(facts.PopulationReason ?? "")}），不予受理");
        }

        if (facts.MinimumDisabilityMonths is { } months)
        {
            var clause = facts.DisabilityClause ?? "";
            if (facts.DisabledSince is not { } since)
            {
                return Refused(AssessmentCodes.DisabilityNotLasting, clause,
                    $"未登记失能起始日期，无法确认失能状态已持续 {months} 个月，不予受理");
            }

            if (since.AddMonths(months) > facts.On)
            {
                return Refused(AssessmentCodes.DisabilityNotLasting, clause,
                    $"{name} 失能自 {Day(since)} 起至申请日 {Day(facts.On)} 未满 {months} 个月，不予受理");
            }
        }

        var ordered = facts.ApplicantKind == ApplicantKinds.Bureau;
        if (ordered && facts.LastConclusion is null)
        {
            return Refused(AssessmentCodes.NoConclusionToReassess, AssessmentClauses.OrderedReassessment,
                $"{name} 尚无评估结论，不能依抽查结果要求复评；请由本人、家属或护理机构提出评估申请");
        }

        if (!ordered && facts.LastConclusion is { } last && last.AddMonths(facts.ReapplicationMonths) > facts.On && !facts.ConditionChanged)
        {
            return Refused(AssessmentCodes.ReapplicationTooSoon, facts.ReapplicationClause,
                $"{name} 上次评估结论作出于 {Day(last)}，{facts.ReapplicationMonths} 个月内再次申请且未说明失能状况发生明显变化，不予受理");
        }

        var missing = ApplicationDocuments.Required(facts.ApplicantKind).Where(d => !facts.ProvidedDocuments.Contains(d)).ToList();
        if (missing.Count > 0)
        {
            return new AcceptanceDecision(AcceptanceDecision.Incomplete, AssessmentCodes.DocumentsMissing, AssessmentClauses.Application,
                $"申请材料不全，请一次补齐以下材料：{string.Join("；", missing.Select((d, i) => $"{i + 1}. {ApplicationDocuments.ChineseName(d)}"))}（依据 {AssessmentClauses.Application}）",
                missing);
        }

        return new AcceptanceDecision(AcceptanceDecision.Accept, null, AssessmentClauses.Acceptance, $"{name} 的失能评估申请已受理", []);
    }

    private static AcceptanceDecision Refused(string code, string clause, string message) =>
        new(AcceptanceDecision.Refuse, code, clause, $"{message}（原因代码 {code}，依据 {clause}）", []);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
