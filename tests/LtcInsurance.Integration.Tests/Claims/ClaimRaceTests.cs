using System.Diagnostics;
using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Claims.ApproveClaim;
using LtcInsurance.Application.Claims.FirstReview;
using LtcInsurance.Application.Claims.GetClaim;
using LtcInsurance.Application.Claims.SecondReview;
using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>
/// Issue #16 item 1, "a claim edited while being settled": on each of several claims, callers act at the same moment —
/// the institution withdraws it while one clerk passes 初审 with a line cut and another returns it; later two 复核 clerks,
/// one cutting a line, one returning. Exactly one wins each race; every other caller gets a clear Chinese refusal
/// (concurrent or wrong status), and the stored claim is the winner's: its status, its cut (or none), one history step.
/// Bounded: a few rounds, three callers, one minute.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ClaimRaceTests(RegisterDatabase database)
{
    private const int Rounds = 4;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_claim_withdrawn_cut_or_returned_at_the_same_moment_has_exactly_one_winner_and_the_others_hear_why()
    {
        var clock = Stopwatch.StartNew();
        var (_, app) = await database.FreshYulinDatabaseAsync("claimrace");
        var desk = new ClaimsDesk(app, TenantIds.Yulin, new FixedClock(new DateTimeOffset(2027, 2, 3, 9, 0, 0, Beijing)));
        await desk.SetClaimParametersAsync(100_000m);
        // test value: Yulin's yearly ceiling rests on it (YL 二(四)4); high enough that no claim here reaches the ceiling
        await new ParameterAdmins(app, TenantIds.Yulin).SetAsync("previousYearDisposableIncomePerCapita", "30000", new DateOnly(2020, 1, 1));
        await desk.CatalogueAsync(("YL-C01", LineCategories.Care, 80m, null));
        await using var clerkA = desk.Clerk("clerk.race.a");
        await using var clerkB = desk.Clerk("clerk.race.b");
        await using var clerkC = desk.Clerk("clerk.race.c");

        for (var round = 0; round < Rounds && clock.Elapsed < TimeSpan.FromMinutes(1); round++)
        {
            var provider = await desk.InstitutionAsync($"玉林竞态护理院{round}", "450902", ["institution"], null);
            var person = await desk.PersonAsync($"林竞态{round}", "450902");
            await desk.EntitleAsync(person, provider, 5, "institution", new DateOnly(2027, 1, 1), "YL-C01");
            var lines = Enumerable.Range(1, 5)
                .Select(d => new ClaimLineInput(d, person.IdNumber.Value, new DateOnly(2027, 1, d), "YL-C01", 1m, 80m)).ToList();
            await using var institution = desk.Provider(provider.Code);
            var submitted = await institution.Send(new SubmitClaimCommand(provider.Code, "2027-01", lines, $"race-{round}"));
            Assert.True(submitted.Accepted);
            var id = submitted.ClaimId!.Value;

            // 初审 with a cut, a return and the institution's withdrawal, at once.
            var first = await Task.WhenAll(
                Attempt("withdraw", () => institution.Send(new WithdrawClaimCommand(id, "撤回重报"))),
                Attempt("cut", () => clerkA.Send(new FirstReviewCommand(id, ReviewDecisions.Pass, [new LineAdjustment(1, 40m, "核减")]))),
                Attempt("return", () => clerkB.Send(new FirstReviewCommand(id, ReviewDecisions.Return, ReturnCodes: [ClaimReturnCodes.UnknownItem], Reason: "退回"))));
            var winner = ExactlyOneWinner(first);
            var claim = await clerkC.Send(new GetClaimQuery(id));
            Assert.Equal(winner switch
            {
                "withdraw" => ClaimStatus.Withdrawn,
                "cut" => ClaimStatus.FirstReviewed,
                _ => ClaimStatus.Returned,
            }, claim.Status);
            Assert.Equal(winner == "cut" ? 40m : 80m, claim.Lines.Single(l => l.LineNo == 1).Amount);
            if (winner != "cut")
                continue;

            // 复核: one clerk cuts a line and passes, another returns, at once.
            var second = await Task.WhenAll(
                Attempt("cut", () => clerkB.Send(new SecondReviewCommand(id, ReviewDecisions.Pass, [new LineAdjustment(2, 10m, "再核减")]))),
                Attempt("return", () => clerkC.Send(new SecondReviewCommand(id, ReviewDecisions.Return, ReturnCodes: [ClaimReturnCodes.UnknownItem], Reason: "退回"))));
            var secondWinner = ExactlyOneWinner(second);
            claim = await clerkA.Send(new GetClaimQuery(id));
            Assert.Equal(secondWinner == "cut" ? ClaimStatus.SecondReviewed : ClaimStatus.Returned, claim.Status);
            Assert.Equal(secondWinner == "cut" ? 10m : 80m, claim.Lines.Single(l => l.LineNo == 2).Amount);
        }
    }

    /// <summary>
    /// 审定 re-settles the claim and books its payable: three clerks approve it at once while its institution tries to
    /// withdraw it; then, on another claim, the institution withdraws and two of its clerks resubmit the month at once.
    /// Exactly one approval wins (one payable of the claim's fund in the books), the withdrawal is refused; exactly one
    /// resubmission is stored, the other is told the month is already claimed.
    /// </summary>
    [Fact]
    public async Task A_claim_approved_by_three_clerks_at_once_is_booked_once_and_a_month_resubmitted_twice_at_once_is_stored_once()
    {
        var clock = Stopwatch.StartNew();
        var (_, app) = await database.FreshYulinDatabaseAsync("approverace");
        var desk = new ClaimsDesk(app, TenantIds.Yulin, new FixedClock(new DateTimeOffset(2027, 2, 3, 9, 0, 0, Beijing)));
        await desk.SetClaimParametersAsync(100_000m);
        // test value: Yulin's yearly ceiling rests on it (YL 二(四)4); high enough that no claim here reaches the ceiling
        await new ParameterAdmins(app, TenantIds.Yulin).SetAsync("previousYearDisposableIncomePerCapita", "30000", new DateOnly(2020, 1, 1));
        await desk.CatalogueAsync(("YL-C01", LineCategories.Care, 80m, null));
        await using var clerkA = desk.Clerk("clerk.approve.a");
        await using var clerkB = desk.Clerk("clerk.approve.b");
        await using var clerkC = desk.Clerk("clerk.approve.c");
        await using var clerkD = desk.Clerk("clerk.approve.d");

        for (var round = 0; round < 3 && clock.Elapsed < TimeSpan.FromMinutes(1); round++)
        {
            var provider = await desk.InstitutionAsync($"玉林审定竞态院{round}", "450902", ["institution"], null);
            var person = await desk.PersonAsync($"林审定{round}", "450902");
            await desk.EntitleAsync(person, provider, 5, "institution", new DateOnly(2027, 1, 1), "YL-C01");
            var lines = Enumerable.Range(1, 5)
                .Select(d => new ClaimLineInput(d, person.IdNumber.Value, new DateOnly(2027, 1, d), "YL-C01", 1m, 80m)).ToList();
            await using var institution = desk.Provider(provider.Code);
            var submitted = await institution.Send(new SubmitClaimCommand(provider.Code, "2027-01", lines, $"approve-race-{round}"));
            Assert.True(submitted.Accepted);
            var id = submitted.ClaimId!.Value;
            await clerkA.Send(new FirstReviewCommand(id, ReviewDecisions.Pass));
            await clerkB.Send(new SecondReviewCommand(id, ReviewDecisions.Pass));
            var payableBefore = await desk.BalanceAsync(StandardChart.PayableToInstitutions);

            var approvals = await Task.WhenAll(
                Attempt("approve-a", () => clerkA.Send(new ApproveClaimCommand(id))),
                Attempt("approve-c", () => clerkC.Send(new ApproveClaimCommand(id))),
                Attempt("approve-d", () => clerkD.Send(new ApproveClaimCommand(id))),
                Attempt("withdraw", () => institution.Send(new WithdrawClaimCommand(id, "审定时撤回"))));

            Assert.StartsWith("approve", ExactlyOneWinner(approvals), StringComparison.Ordinal);
            var claim = await clerkB.Send(new GetClaimQuery(id));
            Assert.Equal(ClaimStatus.Approved, claim.Status);
            Assert.True(claim.Fund > 0m);
            Assert.Equal(-claim.Fund, await desk.BalanceAsync(StandardChart.PayableToInstitutions) - payableBefore);

            // Withdrawn, then resubmitted from two places at once with different keys: one new claim, one refusal.
            var other = await desk.InstitutionAsync($"玉林重报竞态院{round}", "450902", ["institution"], null);
            var resident = await desk.PersonAsync($"林重报{round}", "450902");
            await desk.EntitleAsync(resident, other, 5, "institution", new DateOnly(2027, 1, 1), "YL-C01");
            var otherLines = Enumerable.Range(1, 5)
                .Select(d => new ClaimLineInput(d, resident.IdNumber.Value, new DateOnly(2027, 1, d), "YL-C01", 1m, 80m)).ToList();
            await using var otherInstitution = desk.Provider(other.Code);
            var first = await otherInstitution.Send(new SubmitClaimCommand(other.Code, "2027-01", otherLines, $"resubmit-race-{round}"));
            await otherInstitution.Send(new WithdrawClaimCommand(first.ClaimId!.Value, "更正后重报"));
            await using var secondDesk = desk.Provider(other.Code);
            var resubmissions = await Task.WhenAll(
                Attempt("tab-1", () => Resubmit(otherInstitution, other.Code, otherLines, $"resubmit-race-{round}-1")),
                Attempt("tab-2", () => Resubmit(secondDesk, other.Code, otherLines, $"resubmit-race-{round}-2")));

            Assert.Single(resubmissions, r => r.Refusal is null);
            var refused = Assert.Single(resubmissions, r => r.Refusal is not null);
            Assert.Equal(ClaimCodes.AlreadyClaimed, refused.Refusal);
            Assert.Contains("已有结算申报", refused.Message, StringComparison.Ordinal);
            await using var count = desk.App();
            Assert.Equal(1, await count.Set<Claim>().CountAsync(c => c.InstitutionId == other.Id && c.Status == ClaimStatus.Submitted));
        }
    }

    private static async Task Resubmit(ClockedHost host, string providerCode, List<ClaimLineInput> lines, string key)
    {
        var submission = await host.Send(new SubmitClaimCommand(providerCode, "2027-01", lines, key));
        Assert.True(submission.Accepted, string.Join("; ", submission.Problems.Select(p => p.Code)));
    }

    private static string ExactlyOneWinner((string Name, string? Refusal, string? Message)[] outcomes)
    {
        var winner = Assert.Single(outcomes, o => o.Refusal is null);
        Assert.All(outcomes.Where(o => o.Refusal is not null), o =>
        {
            Assert.Contains(o.Refusal, new[] { ClaimCodes.Concurrent, ClaimCodes.WrongStatus });
            Assert.False(string.IsNullOrWhiteSpace(o.Message));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", o.Message);
        });
        return winner.Name;
    }

    private static async Task<(string Name, string? Refusal, string? Message)> Attempt(string name, Func<Task> act)
    {
        await Task.Yield();
        try
        {
            await act();
            return (name, null, null);
        }
        catch (BusinessRuleViolationException e)
        {
            return (name, e.Code, e.Message);
        }
    }
}
