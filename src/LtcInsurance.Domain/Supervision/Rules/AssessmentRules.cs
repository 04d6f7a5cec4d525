namespace LtcInsurance.Domain.Supervision.Rules;

/// <summary>
/// 评估人员结论集中于同一等级 (YZ 四(六) 对评估的监督): of one assessor's conclusions (at least
/// <see cref="SupervisionSettings.AssessorMinimumCases"/>), a share of <see cref="SupervisionSettings.AssessorSameLevelShare"/>
/// or more reach the same level.
/// </summary>
public sealed class AssessorSameLevel() : AnomalyRule(RuleCode, "评估人员结论集中于同一等级", "YZ 四(六) 对评估的监督")
{
    public const string RuleCode = "assessor_same_level";

    protected override IEnumerable<AnomalyFinding> Findings(SupervisionFacts facts, SupervisionSettings settings)
    {
        foreach (var assessor in facts.AssessorConclusions.GroupBy(c => c.AssessorId))
        {
            var cases = assessor.DistinctBy(c => c.ApplicationId).ToList();
            if (cases.Count < settings.AssessorMinimumCases)
                continue;
            var top = cases.GroupBy(c => c.Level).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            var share = decimal.Round((decimal)top.Count() / cases.Count, 4, MidpointRounding.AwayFromZero);
            if (share < settings.AssessorSameLevelShare)
                continue;
            var named = assessor.First();
            yield return Flag(FlagSubjects.Assessor, assessor.Key, $"{assessor.Key:N}:{top.Key}", new Dictionary<string, object?>
            {
                ["assessor"] = named.AssessorName, ["agency"] = named.AgencyName, ["assessorId"] = assessor.Key, ["cases"] = cases.Count, ["level"] = top.Key, ["atLevel"] = top.Count(), ["share"] = share,
                ["threshold"] = settings.AssessorSameLevelShare,
            });
        }
    }
}

/// <summary>
/// 复评结论大幅变化 (YZ 四(六) 对评估的监督): a 复评 concludes at least <see cref="SupervisionSettings.ReviewLevelJump"/> levels
/// from the conclusion it reviewed, up or down.
/// </summary>
public sealed class ReviewLevelJump() : AnomalyRule(RuleCode, "复评结论大幅变化", "YZ 四(六) 对评估的监督")
{
    public const string RuleCode = "review_level_jump";

    protected override IEnumerable<AnomalyFinding> Findings(SupervisionFacts facts, SupervisionSettings settings) =>
        from review in facts.Reviews
        let change = review.ReviewLevel - review.OriginalLevel
        where Math.Abs(change) >= settings.ReviewLevelJump
        select Flag(FlagSubjects.Application, review.ReviewApplicationId, $"{review.ReviewApplicationId:N}", new Dictionary<string, object?>
        {
            ["originalApplicationId"] = review.OriginalApplicationId, ["originalLevel"] = review.OriginalLevel, ["reviewLevel"] = review.ReviewLevel,
            ["change"] = change, ["threshold"] = settings.ReviewLevelJump,
        });
}
