using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims;

/// <summary>What a bulk 初审 or 复核 gives: each claim's step, in the order of the claims' ids.</summary>
public sealed record ReviewClaimsResult(IReadOnlyList<ClaimStep> Steps);

/// <summary>
/// The common path of bulk 初审 and 复核 (pass only, no cuts): every claim must be in the step, and for 复核 none may have
/// been first-reviewed by the signed-in clerk; otherwise nothing is done. One transaction: one set-based update of the
/// claims (status, who, when, version, history count; guarded again by status and first reviewer, so a claim another clerk
/// moved in between is refused as a concurrent change) and one history row per claim.
/// </summary>
internal static class ClaimBulkReview
{
    public static Task<ReviewClaimsResult> PassAsync(ILtcDbContext db, ICurrentUser user, TimeProvider clock, IReadOnlyList<Guid> claimIds,
        bool second, string? note, CancellationToken cancellationToken)
    {
        var ids = claimIds.Distinct().Order().ToList();
        var expected = second ? ClaimStatus.FirstReviewed : ClaimStatus.Submitted;
        var to = second ? ClaimStatus.SecondReviewed : ClaimStatus.FirstReviewed;
        var action = second ? ClaimActions.SecondReview : ClaimActions.FirstReview;
        var reason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return ClaimStepRunner.InTransactionAsync(db, user, clock, async (by, now, ct) =>
        {
            var found = await db.Set<Claim>().AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Number, c.Status, c.FirstReviewedBy }).ToListAsync(ct);
            ClaimRule.Check(found.Count != ids.Count, ClaimCodes.NotFound, ClaimClauses.Handling, "未找到该结算申报");
            var wrong = found.OrderBy(c => c.Number, StringComparer.Ordinal).FirstOrDefault(c => c.Status != expected);
            ClaimRule.Check(wrong is not null, ClaimCodes.WrongStatus, ClaimClauses.Handling,
                $"申报 {wrong?.Number} {ClaimStatus.ChineseName(wrong?.Status ?? "")}，不在{(second ? "复核" : "初审")}环节");
            if (second)
            {
                foreach (var claim in found)
                    Claim.CheckNotFirstReviewer(claim.FirstReviewedBy, by);
            }

            var moving = db.Set<Claim>().Where(c => ids.Contains(c.Id) && c.Status == expected);
            var updated = second
                ? await moving.Where(c => c.FirstReviewedBy != by).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, to).SetProperty(c => c.SecondReviewedBy, by).SetProperty(c => c.SecondReviewedAt, now)
                    .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.EventCount, c => c.EventCount + 1), ct)
                : await moving.ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, to).SetProperty(c => c.FirstReviewedBy, by).SetProperty(c => c.FirstReviewedAt, now)
                    .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.EventCount, c => c.EventCount + 1), ct);
            if (updated != ids.Count)
                throw ClaimLookup.Concurrent(); // another clerk moved one of them since it was read

            // the rows are locked by the update: the history count read now is this step's ordinal
            var moved = await db.Set<Claim>().AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.TenantId, c.EventCount, c.Status, c.Fund, c.Version }).ToListAsync(ct);
            db.Set<ClaimEvent>().AddRange(moved.Select(c => Claim.HistoryRow(c.TenantId, c.Id, c.EventCount, action, expected, to, by, now, reason)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new ReviewClaimsResult([.. moved.OrderBy(c => c.Id).Select(c => new ClaimStep(c.Id, c.Status, c.Fund, c.Version))]);
        }, cancellationToken);
    }
}
