using LtcInsurance.Domain.Supervision;

namespace LtcInsurance.Application.Supervision;

/// <summary>
/// Reads, set-based, the facts the anomaly rules need (Infrastructure): the lines of standing claims of
/// <paramref name="months"/> with their beneficiaries' entitlements, confirmed care plans, hospital stays and deaths; every
/// provider's monthly totals of those months and the <paramref name="historyMonths"/> before them; the assessors' and
/// 复评 conclusions. Acts for the current tenant (row-level security).
/// </summary>
public interface ISupervisionReader
{
    Task<SupervisionFacts> ReadAsync(IReadOnlyList<DateOnly> months, int historyMonths, CancellationToken cancellationToken);
}
