namespace LtcInsurance.Domain.Supervision;

/// <summary>
/// The thresholds of the anomaly rules. They are supervision settings, not figures of any document: each city may change
/// them as parameters (<c>supervision*</c>, see <c>CommonParameters.Supervision</c>); <see cref="Default"/> holds the
/// values the product ships (docs/supervision.md says why each).
/// </summary>
/// <param name="OutlierZ">Robust z-score (median/MAD) above which a provider's month is far above its history or peers.</param>
/// <param name="OutlierMinimumPoints">History months or peers needed before a z-score is computed at all.</param>
/// <param name="WorkerBeneficiariesPerDay">Distinct beneficiaries one care worker may serve on a day before it is flagged.</param>
/// <param name="AssessorMinimumCases">Conclusions an assessor must have before their level distribution is judged.</param>
/// <param name="AssessorSameLevelShare">Share of one assessor's conclusions at one level above which it is flagged.</param>
/// <param name="ReviewLevelJump">Levels a 复评 conclusion may differ from the reviewed one before it is flagged.</param>
public sealed record SupervisionSettings(
    decimal OutlierZ, int OutlierMinimumPoints, int WorkerBeneficiariesPerDay, int AssessorMinimumCases, decimal AssessorSameLevelShare,
    int ReviewLevelJump)
{
    public static SupervisionSettings Default { get; } = new(3.5m, 5, 8, 10, 0.8m, 2);
}
