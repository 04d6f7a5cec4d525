namespace LtcInsurance.Domain.Supervision.Rules;

/// <summary>
/// A provider's month far above its own history or its peers of the same month, by robust z-score (median/MAD): one
/// rule for the month's total, one for the average per beneficiary. A comparison is made only with enough points
/// (<see cref="SupervisionSettings.OutlierMinimumPoints"/>), so a new provider or a city with few peers is not judged.
/// </summary>
public abstract class ProviderOutlier(string code, string chineseName) : AnomalyRule(code, chineseName)
{
    public override string Clause => $"{AnomalyRules.CitySupervision}；{Screening}（智能监控）";

    protected abstract decimal Measure(ProviderMonth month);

    protected override IEnumerable<AnomalyFinding> Findings(SupervisionFacts facts, SupervisionSettings settings)
    {
        var examined = facts.MonthsExamined.ToHashSet();
        foreach (var month in facts.ProviderMonths.Where(m => examined.Contains(m.Month) && m.Beneficiaries > 0))
        {
            var value = Measure(month);
            var history = facts.ProviderMonths.Where(m => m.ProviderId == month.ProviderId && m.Month < month.Month && m.Beneficiaries > 0)
                .Select(Measure).ToList();
            var peers = facts.ProviderMonths.Where(m => m.ProviderId != month.ProviderId && m.Month == month.Month && m.Beneficiaries > 0)
                .Select(Measure).ToList();
            var evidence = new Dictionary<string, object?> { ["month"] = month.Month.ToString("yyyy-MM"), ["value"] = value, ["threshold"] = settings.OutlierZ };
            var far = false;
            if (history.Count >= settings.OutlierMinimumPoints)
            {
                var (z, median, mad) = RobustZ.Score(value, history);
                evidence["historyMonths"] = history.Count;
                evidence["historyMedian"] = median;
                evidence["historyMad"] = mad;
                evidence["historyZ"] = z == decimal.MaxValue ? null : z;
                far |= z > settings.OutlierZ;
            }

            if (peers.Count >= settings.OutlierMinimumPoints)
            {
                var (z, median, mad) = RobustZ.Score(value, peers);
                evidence["peers"] = peers.Count;
                evidence["peerMedian"] = median;
                evidence["peerMad"] = mad;
                evidence["peerZ"] = z == decimal.MaxValue ? null : z;
                far |= z > settings.OutlierZ;
            }

            if (far)
                yield return Flag(FlagSubjects.ProviderMonth, month.ProviderId, $"{month.ProviderId:N}:{month.Month:yyyy-MM}", evidence, month.ClaimId,
                    providerId: month.ProviderId, month: month.Month);
        }
    }
}

/// <summary>机构月度申报总额异常偏高.</summary>
public sealed class ProviderMonthlyTotalOutlier() : ProviderOutlier(RuleCode, "机构月度申报总额异常偏高")
{
    public const string RuleCode = "provider_monthly_total_outlier";

    protected override decimal Measure(ProviderMonth month) => month.Billed;
}

/// <summary>机构人均申报费用异常偏高.</summary>
public sealed class ProviderAverageOutlier() : ProviderOutlier(RuleCode, "机构人均申报费用异常偏高")
{
    public const string RuleCode = "provider_average_outlier";

    protected override decimal Measure(ProviderMonth month) => decimal.Round(month.AveragePerBeneficiary, 2, MidpointRounding.AwayFromZero);
}
