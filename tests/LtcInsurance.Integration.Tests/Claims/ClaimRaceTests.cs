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
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Integration.Tests.Enrollment;
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

    [Fact]
    public async Task A_claim_withdrawn_cut_or_returned_at_the_same_moment_has_exactly_one_winner_and_the_others_hear_why()
    {
        var clock = Stopwatch.StartNew();
        var desk = await FreshAsync("claimrace");
        await using var clerkA = desk.Clerk("clerk.race.a");
        await using var clerkB = desk.Clerk("clerk.race.b");
        await using var clerkC = desk.Clerk("clerk.race.c");

        for (var round = 0; round < Rounds && clock.Elapsed < TimeSpan.FromMinutes(1); round++)
        {
            var (provider, lines, id) = await SubmittedAsync(desk, $"玉林竞态护理院{round}", $"林竞态{round}", $"race-{round}");
            await using var institution = desk.Provider(provider.Code);

            // 初审 with a cut, a return and the institution's withdrawal, at once.
            var winner = await ExactlyOneWinsAsync(
                ("withdraw", () => institution.Send(new WithdrawClaimCommand(id, "撤回重报"))),
                ("cut", () => clerkA.Send(new FirstReviewCommand(id, ReviewDecisions.Pass, [new LineAdjustment(1, 40m, "核减")]))),
                ("return", () => clerkB.Send(new FirstReviewCommand(id, ReviewDecisions.Return, ReturnCodes: [ClaimReturnCodes.UnknownItem], Reason: "退回"))));
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
            var secondWinner = await ExactlyOneWinsAsync(
                ("cut", () => clerkB.Send(new SecondReviewCommand(id, ReviewDecisions.Pass, [new LineAdjustment(2, 10m, "再核减")]))),
                ("return", () => clerkC.Send(new SecondReviewCommand(id, ReviewDecisions.Return, ReturnCodes: [ClaimReturnCodes.UnknownItem], Reason: "退回"))));
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
        var desk = await FreshAsync("approverace");
        await using var clerkA = desk.Clerk("clerk.approve.a");
        await using var clerkB = desk.Clerk("clerk.approve.b");
        await using var clerkC = desk.Clerk("clerk.approve.c");
        await using var clerkD = desk.Clerk("clerk.approve.d");

        for (var round = 0; round < 3 && clock.Elapsed < TimeSpan.FromMinutes(1); round++)
        {
            var (provider, _, id) = await SubmittedAsync(desk, $"玉林审定竞态院{round}", $"林审定{round}", $"approve-race-{round}");
            await using var institution = desk.Provider(provider.Code);
            await clerkA.Send(new FirstReviewCommand(id, ReviewDecisions.Pass));
            await clerkB.Send(new SecondReviewCommand(id, ReviewDecisions.Pass));
            var payableBefore = await desk.BalanceAsync(StandardChart.PayableToInstitutions);

            var approval = await ExactlyOneWinsAsync(
                ("approve-a", () => clerkA.Send(new ApproveClaimCommand(id))),
                ("approve-c", () => clerkC.Send(new ApproveClaimCommand(id))),
                ("approve-d", () => clerkD.Send(new ApproveClaimCommand(id))),
                ("withdraw", () => institution.Send(new WithdrawClaimCommand(id, "审定时撤回"))));

            Assert.StartsWith("approve", approval, StringComparison.Ordinal);
            var claim = await clerkB.Send(new GetClaimQuery(id));
            Assert.Equal(ClaimStatus.Approved, claim.Status);
            Assert.True(claim.Fund > 0m);
            Assert.Equal(-claim.Fund, await desk.BalanceAsync(StandardChart.PayableToInstitutions) - payableBefore);

            // Withdrawn, then resubmitted from two places at once with different keys: one new claim, one refusal.
            var (other, otherLines, firstId) = await SubmittedAsync(desk, $"玉林重报竞态院{round}", $"林重报{round}", $"resubmit-race-{round}");
            await using var otherInstitution = desk.Provider(other.Code);
            await otherInstitution.Send(new WithdrawClaimCommand(firstId, "更正后重报"));
            await using var secondDesk = desk.Provider(other.Code);
            var resubmissions = await AtOnceAsync(
                ("tab-1", () => Resubmit(otherInstitution, other.Code, otherLines, $"resubmit-race-{round}-1")),
                ("tab-2", () => Resubmit(secondDesk, other.Code, otherLines, $"resubmit-race-{round}-2")));

            Assert.Single(resubmissions, r => r.Refusal is null);
            var refused = Assert.Single(resubmissions, r => r.Refusal is not null);
            Assert.Equal(ClaimCodes.AlreadyClaimed, refused.Refusal);
            Assert.Contains("已有结算申报", refused.Message, StringComparison.Ordinal);
            await using var count = desk.App();
            Assert.Equal(1, await count.Set<Claim>().CountAsync(c => c.InstitutionId == other.Id && c.Status == ClaimStatus.Submitted));
        }
    }

    /// <summary>The fresh world of both tests; the income is high enough that no claim here reaches the yearly ceiling.</summary>
    private Task<ClaimsDesk> FreshAsync(string name) => YulinClaims.FreshAsync(database, name, 30000m, ("YL-C01", 80m));

    /// <summary>A new provider and beneficiary, and the provider's January claim of five care days, submitted.</summary>
    private static async Task<(Institution Provider, List<ClaimLineInput> Lines, Guid ClaimId)> SubmittedAsync(ClaimsDesk desk, string providerName,
        string personName, string key)
    {
        var provider = await desk.InstitutionAsync(providerName, "450902", ["institution"], null);
        var person = await desk.PersonAsync(personName, "450902");
        await desk.EntitleAsync(person, provider, 5, "institution", new DateOnly(2027, 1, 1), "YL-C01");
        var lines = Enumerable.Range(1, 5)
            .Select(d => new ClaimLineInput(d, person.IdNumber.Value, new DateOnly(2027, 1, d), "YL-C01", 1m, 80m)).ToList();
        await using var institution = desk.Provider(provider.Code);
        var submitted = await institution.Send(new SubmitClaimCommand(provider.Code, "2027-01", lines, key));
        Assert.True(submitted.Accepted);
        return (provider, lines, submitted.ClaimId!.Value);
    }

    /// <summary>The callers act at once; exactly one wins, the others are refused in Chinese. The winner's name.</summary>
    private static async Task<string> ExactlyOneWinsAsync(params (string Name, Func<Task> Act)[] callers) => ExactlyOneWinner(await AtOnceAsync(callers));

    private static Task<(string Name, string? Refusal, string? Message)[]> AtOnceAsync(params (string Name, Func<Task> Act)[] callers) =>
        Task.WhenAll(callers.Select(c => Attempt(c.Name, c.Act)));

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
