using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims;

/// <summary>One settled line: what the fund and the person pay and why the fund pays less.</summary>
public readonly record struct SettledLine(Guid Id, decimal Fund, decimal Individual, string? Rejection);

/// <summary>
/// Writes a bulk settlement set-based (binary COPY into a transaction's scratch table, then one UPDATE of the lines and
/// one INSERT of the settlements), in the caller's transaction and under its tenant (row-level security applies).
/// </summary>
public interface IClaimSettlementWriter
{
    /// <summary>Sets the lines' results and replaces the settlements of <paramref name="claimIds"/> by <paramref name="settlements"/>.</summary>
    Task WriteAsync(IReadOnlyCollection<Guid> claimIds, IReadOnlyList<SettledLine> lines, IReadOnlyList<ClaimSettlement> settlements,
        CancellationToken cancellationToken = default);
}
