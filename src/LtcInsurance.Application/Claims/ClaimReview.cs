using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims;

/// <summary>The common path of 初审 and 复核: cuts, settlement again, then pass or return; one save, concurrency-checked.</summary>
internal static class ClaimReview
{
    public static async Task<ClaimStep> RunAsync(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock, Guid claimId,
        string expected, IReadOnlyList<LineAdjustment>? adjustments, string decision, IReadOnlyList<string>? codes, string? reason,
        Action<Claim, string, DateTimeOffset, string?> pass, CancellationToken cancellationToken)
    {
        var by = user.Name();
        var at = clock.GetUtcNow();
        var claim = await ClaimLookup.ClaimAsync(db, claimId, cancellationToken);
        ClaimRule.Check(claim.Status != expected, ClaimCodes.WrongStatus, ClaimClauses.Handling,
            $"申报{ClaimStatus.ChineseName(claim.Status)}，不在{(expected == ClaimStatus.Submitted ? "初审" : "复核")}环节");
        if (claim.Status == ClaimStatus.FirstReviewed)
            claim.CheckNotFirstReviewer(by); // 复核: refused before any cut is made
        if (adjustments is { Count: > 0 })
        {
            foreach (var adjustment in adjustments)
                claim.Adjust(adjustment.LineNo, adjustment.NewAmount, adjustment.Reason, by, at);
            var provider = await ClaimLookup.ProviderAsync(db, claim.InstitutionId, cancellationToken);
            await ClaimSettler.SettleAsync(db, engine, claim, provider, at, cancellationToken);
        }

        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == ReviewDecisions.Return)
            claim.Return(codes ?? [], note ?? "", by, at);
        else
            pass(claim, by, at, note);
        await ClaimStepRunner.SaveAsync(db, cancellationToken);

        return new ClaimStep(claim.Id, claim.Status, claim.Fund, claim.Version);
    }
}
