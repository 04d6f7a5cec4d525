using LtcInsurance.Application.Claims.ApproveClaims;
using LtcInsurance.Application.Claims.FirstReviewClaims;
using LtcInsurance.Application.Claims.SecondReviewClaims;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>
/// Bulk 初审 and 复核 (<see cref="FirstReviewClaimsCommand"/>, <see cref="SecondReviewClaimsCommand"/>) of a clerk's
/// selection, then 审定 of it (<see cref="ApproveClaimsCommand"/>): the same checks as one claim at a time (step, separation
/// of duties), all or nothing, one history row per claim naming the clerk.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class BulkReviewTests(RegisterDatabase database)
{
    private static readonly (string, decimal)[] Items = [("YL-BR01", 80m)];

    [Fact]
    public async Task A_selection_passes_first_and_second_review_by_two_clerks_and_is_approved_and_booked()
    {
        var desk = await YulinClaims.FreshAsync(database, "claims_bulk_review", 30000m, Items);
        var claims = new List<Guid>();
        for (var seed = 1; seed <= 3; seed++)
            claims.AddRange((await SubmittedAsync(desk, seed)).ClaimIds);
        await using var clerkA = desk.Clerk("clerk.bulkrev.a");
        await using var clerkB = desk.Clerk("clerk.bulkrev.b");
        await using var clerkC = desk.Clerk("clerk.bulkrev.c");

        // 复核 before 初审: refused, nothing moves
        var early = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerkB.Send(new SecondReviewClaimsCommand(claims)));
        Assert.Equal(ClaimCodes.WrongStatus, early.Code);
        Assert.Contains("不在复核环节", early.Message, StringComparison.Ordinal);
        Assert.All(await StatusesAsync(desk, claims), s => Assert.Equal(ClaimStatus.Submitted, s));

        var first = await clerkA.Send(new FirstReviewClaimsCommand(claims, "  批量初审  "));
        Assert.Equal(claims.Order(), first.Steps.Select(s => s.ClaimId));
        Assert.All(first.Steps, s => Assert.Equal(ClaimStatus.FirstReviewed, s.Status));

        // the same clerk cannot do 复核 (separation of duties), and a second 初审 is refused: nothing changes
        var same = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerkA.Send(new SecondReviewClaimsCommand(claims)));
        Assert.Equal(ClaimCodes.SameReviewer, same.Code);
        Assert.Contains("费用复核须由初审以外的经办人员办理", same.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerkB.Send(new FirstReviewClaimsCommand(claims)));
        Assert.All(await StatusesAsync(desk, claims), s => Assert.Equal(ClaimStatus.FirstReviewed, s));

        var second = await clerkB.Send(new SecondReviewClaimsCommand(claims));
        Assert.All(second.Steps, s => Assert.Equal(ClaimStatus.SecondReviewed, s.Status));
        var payableBefore = await desk.BalanceAsync(StandardChart.PayableToInstitutions);
        var approved = await clerkC.Send(new ApproveClaimsCommand(claims));
        Assert.All(approved.Steps, s => Assert.Equal(ClaimStatus.Approved, s.Status));
        Assert.Equal(claims.Count, approved.EntriesPosted);

        await using var db = desk.App();
        var stored = await db.Set<Claim>().AsNoTracking().Include(c => c.Events).Where(c => claims.Contains(c.Id)).ToListAsync();
        Assert.Equal(-stored.Sum(c => c.Fund), await desk.BalanceAsync(StandardChart.PayableToInstitutions) - payableBefore);
        Assert.All(stored, c =>
        {
            Assert.Equal(("clerk.bulkrev.a", "clerk.bulkrev.b", "clerk.bulkrev.c"), (c.FirstReviewedBy, c.SecondReviewedBy, c.ApprovedBy));
            Assert.NotNull(c.PayableSequence);
            var history = c.Events.OrderBy(e => e.Ordinal).ToList();
            Assert.Equal(Enumerable.Range(1, history.Count), history.Select(e => e.Ordinal));
            Assert.Equal(c.EventCount, history.Count);
            var firstReview = Assert.Single(history, e => e.Action == ClaimActions.FirstReview);
            Assert.Equal((ClaimStatus.Submitted, ClaimStatus.FirstReviewed, "clerk.bulkrev.a", "批量初审"),
                (firstReview.FromStatus, firstReview.ToStatus, firstReview.RecordedBy, firstReview.Reason));
            var secondReview = Assert.Single(history, e => e.Action == ClaimActions.SecondReview);
            Assert.Equal((ClaimStatus.FirstReviewed, ClaimStatus.SecondReviewed, "clerk.bulkrev.b"),
                (secondReview.FromStatus, secondReview.ToStatus, secondReview.RecordedBy));
            Assert.Single(history, e => e.Action == ClaimActions.Approve && e.RecordedBy == "clerk.bulkrev.c");
            Assert.All(db.Set<ClaimSettlement>().AsNoTracking().Where(s => s.ClaimId == c.Id).Select(s => s.Trace).ToList(),
                t => Assert.Contains("SettlementSession", t, StringComparison.Ordinal)); // settled by the bulk approval
        });
    }

    [Fact]
    public async Task A_selection_with_one_claim_in_another_step_is_refused_whole_and_bad_selections_are_refused_in_Chinese()
    {
        var desk = await YulinClaims.FreshAsync(database, "claims_bulk_review_refuse", 30000m, Items);
        await using var clerkA = desk.Clerk("clerk.bulkrevr.a");
        var reviewed = (await YulinClaims.MonthlyAsync(desk, "已审", 1, 1, Items, hospitalStay: false, clerkA, null)).ClaimIds;
        var waiting = (await SubmittedAsync(desk, 2)).ClaimIds;
        await using var clerkB = desk.Clerk("clerk.bulkrevr.b");

        var refusal = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerkB.Send(new FirstReviewClaimsCommand([.. waiting, .. reviewed])));
        Assert.Contains("不在初审环节", refusal.Message, StringComparison.Ordinal);
        Assert.All(await StatusesAsync(desk, waiting), s => Assert.Equal(ClaimStatus.Submitted, s));
        await using (var db = desk.App())
            Assert.Equal(1, await db.Set<ClaimEvent>().CountAsync(e => waiting.Contains(e.ClaimId))); // the submission only

        var unknown = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerkB.Send(new FirstReviewClaimsCommand([.. waiting, Guid.NewGuid()])));
        Assert.Contains("未找到", unknown.Message, StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<RequestValidationException>(() => clerkB.Send(new SecondReviewClaimsCommand([])));
        Assert.Contains("未选择结算申报", empty.Message, StringComparison.Ordinal);
        var twice = await Assert.ThrowsAsync<RequestValidationException>(() => clerkB.Send(new ApproveClaimsCommand([waiting[0], waiting[0]])));
        Assert.Contains("重复", twice.Message, StringComparison.Ordinal);
        Assert.All(await StatusesAsync(desk, waiting), s => Assert.Equal(ClaimStatus.Submitted, s));
    }

    /// <summary>A provider's January claim of two people, submitted and not reviewed.</summary>
    private static Task<MonthlyClaims> SubmittedAsync(ClaimsDesk desk, int seed)
        => YulinClaims.MonthlyAsync(desk, "待审", seed, 1, Items, hospitalStay: false, null, null);

    private static async Task<List<string>> StatusesAsync(ClaimsDesk desk, List<Guid> ids)
    {
        await using var db = desk.App();
        return await db.Set<Claim>().Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync();
    }
}
