namespace LtcInsurance.Domain.Supervision.Rules;

/// <summary>
/// 评估人员结论集中于同一等级: of one assessor's conclusions (at least <see cref="SupervisionSettings.AssessorMinimumCases"/>),
/// a share above <see cref="SupervisionSettings.AssessorSameLevelShare"/> reach the same level.
/// </summary>
public sealed class AssessorSameLevel : AnomalyRule
{
    public const string RuleCode = "assessor_same_level";

    public override string Code => RuleCode;

    public override string ChineseName => "评估人员结论集中于同一等级";

    public override string Clause => $"YZ 四(六) 对评估的监督；{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var assessor in facts.AssessorConclusions.GroupBy(c => c.AssessorId))
        {
            var cases = assessor.DistinctBy(c => c.ApplicationId).ToList();
            if (cases.Count < settings.AssessorMinimumCases)
                continue;
            var top = cases.GroupBy(c => c.Level).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            var share = decimal.Round((decimal)top.Count() / cases.Count, 4, MidpointRounding.AwayFromZero);
            if (share < settings.AssessorSameLevelShare)
                continue;
            yield return new AnomalyFinding(Code, FlagSubjects.Assessor, assessor.Key, null, null, null, null, $"{Code}:{assessor.Key:N}:{top.Key}",
                new Dictionary<string, object?>
                {
                    ["assessorId"] = assessor.Key, ["cases"] = cases.Count, ["level"] = top.Key, ["atLevel"] = top.Count(), ["share"] = share,
                    ["threshold"] = settings.AssessorSameLevelShare,
                });
        }
    }
}

/// <summary>复评结论大幅变化: a 复评 concludes at least <see cref="SupervisionSettings.ReviewLevelJump"/> levels from the conclusion it reviewed.</summary>
public sealed class ReviewLevelJump : AnomalyRule
{
    public const string RuleCode = "review_level_jump";

    public override string Code => RuleCode;

    public override string ChineseName => "复评结论大幅变化";

    public override string Clause => $"YZ 四(六) 对评估的监督；{AnomalyRules.CitySupervision}；{Screening}";

    public override IEnumerable<AnomalyFinding> Find(SupervisionFacts facts, SupervisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var review in facts.Reviews)
        {
            var change = review.ReviewLevel - review.OriginalLevel;
            if (Math.Abs(change) < settings.ReviewLevelJump)
                continue;
            yield return new AnomalyFinding(Code, FlagSubjects.Application, review.ReviewApplicationId, null, null, null, null,
                $"{Code}:{review.ReviewApplicationId:N}", new Dictionary<string, object?>
                {
                    ["originalApplicationId"] = review.OriginalApplicationId, ["originalLevel"] = review.OriginalLevel,
                    ["reviewLevel"] = review.ReviewLevel, ["change"] = change, ["threshold"] = settings.ReviewLevelJump,
                });
        }
    }
}
