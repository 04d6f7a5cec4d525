using LtcInsurance.Application.Claims.ApproveClaim;
using LtcInsurance.Application.Claims.ApproveClaims;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>
/// 审定 (<see cref="ApproveClaimsCommand"/>: set-based reads, the engine's <c>SettlementSession</c>, COPY writes, one ledger
/// batch; <see cref="ApproveClaimCommand"/> is the same path with one claim) against the traced per-claim settlement
/// (<c>ClaimSettler</c>, full engine trace, as at submission). Seeded rounds build two identical worlds in 榆林 (same
/// provider kind, same people's months, lines, hospital stays, several months asking more than the yearly ceiling). In the
/// first, each month's claim is approved before the next is submitted, so the traced settlement at its submission already
/// counts every earlier approval: that is the reference, and the approval must not change it. In the second, all months
/// are submitted first and approved at the end in one bulk command. Every line, settlement, claim and payable must be
/// the same as the reference.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class BulkApprovalTests(RegisterDatabase database)
{
    private const decimal Ceiling = 1500m; // test value: 50 % of a per-capita income of 3,000
    private static readonly (string, decimal)[] Items = [("YL-BK01", 80m), ("YL-BK02", 45m)];

    [Fact]
    public async Task Bulk_approval_settles_and_books_exactly_as_the_traced_settlement_of_one_claim_at_a_time()
    {
        var desk = await YulinClaims.FreshAsync(database, "claims_bulk", 3000m, Items);
        await using var clerkA = desk.Clerk("clerk.bulk.a");
        await using var clerkB = desk.Clerk("clerk.bulk.b");
        await using var approver = desk.Clerk("clerk.bulk.c");

        for (var seed = 1; seed <= 2; seed++)
        {
            var months = new Random(seed).Next(3, 6);
            var traced = new Dictionary<Guid, Settled>();
            var payableBefore = await desk.BalanceAsync(StandardChart.PayableToInstitutions);
            var single = await YulinClaims.MonthlyAsync(desk, "单", seed, months, Items, hospitalStay: true, clerkA, clerkB, async id =>
            {
                traced[id] = await SettledAsync(desk, id); // ClaimSettler at submission, against the months approved before
                var step = await approver.Send(new ApproveClaimCommand(id));
                Assert.Equal(ClaimStatus.Approved, step.Status);
            });
            var afterSingle = await desk.BalanceAsync(StandardChart.PayableToInstitutions);
            var bulk = await YulinClaims.MonthlyAsync(desk, "批", seed, months, Items, hospitalStay: true, clerkA, clerkB);
            var pagesBefore = await LinePagesAsync(desk, bulk.ClaimIds);
            var result = await approver.Send(new ApproveClaimsCommand([.. bulk.ClaimIds.OrderDescending()]));
            var afterBulk = await desk.BalanceAsync(StandardChart.PayableToInstitutions);
            // The lines' new versions stay on their pages (heap-only updates, no index touched): claim_lines keeps half of
            // each page free for them (migration ClaimLinesFillFactor, ADR 0010). On full pages they move away. A line whose
            // approval adds a rejection grows and may still move when its page's other lines grow too.
            var pagesAfter = await LinePagesAsync(desk, bulk.ClaimIds);
            var stayed = pagesBefore.Count(p => pagesAfter[p.Key] == p.Value);
            Assert.True(stayed >= 0.9 * pagesBefore.Count, $"{stayed} of {pagesBefore.Count} lines stayed on their page");

            Assert.Equal(bulk.ClaimIds.Count, result.Steps.Count);
            Assert.All(result.Steps, s => Assert.Equal(ClaimStatus.Approved, s.Status));
            Assert.Equal(afterSingle - payableBefore, afterBulk - afterSingle);
            Assert.True(afterSingle < payableBefore, "the single approvals booked nothing");

            var paidPerPerson = new Dictionary<Guid, decimal>();
            for (var i = 0; i < months; i++)
            {
                var reference = traced[single.ClaimIds[i]];
                Assert.DoesNotContain(reference.Traces, t => t.Contains("SettlementSession", StringComparison.Ordinal)); // the traced path
                var approvedOne = await SettledAsync(desk, single.ClaimIds[i]);
                var approvedMany = await SettledAsync(desk, bulk.ClaimIds[i]);
                foreach (var approved in new[] { approvedOne, approvedMany })
                {
                    Assert.Equal(ClaimStatus.Approved, approved.Status);
                    Assert.Equal("clerk.bulk.c", approved.ApprovedBy);
                    Assert.Equal(reference.Totals, approved.Totals);
                    Assert.Equal(Kept(reference), Kept(approved)); // the worlds' people differ: all but the person
                    Assert.Equal(reference.Settlements, approved.Settlements);
                    Assert.Equal(reference.Totals.Fund > 0m, approved.Booked); // a claim the ceiling leaves at 0 books nothing
                    // the compact trace still answers "why this amount": shared rules and parameters, the case's inputs, each line
                    Assert.All(approved.Traces, t =>
                    {
                        Assert.Contains("\"engine\":\"SettlementSession\"", t.Replace(" ", ""), StringComparison.Ordinal);
                        Assert.Contains("parameters", t, StringComparison.Ordinal);
                        Assert.Contains("yearToDateFund", t, StringComparison.Ordinal);
                    });
                }

                foreach (var line in approvedMany.Lines)
                    paidPerPerson[line.PersonId] = paidPerPerson.GetValueOrDefault(line.PersonId) + line.Fund;
            }

            // the rounds ask more than the ceiling: each person is paid exactly the ceiling
            Assert.Equal(2, paidPerPerson.Count);
            Assert.All(paidPerPerson.Values, paid => Assert.Equal(Ceiling, paid));
        }
    }

    [Fact]
    public async Task Bulk_approval_refuses_a_claim_not_waiting_for_approval_and_changes_nothing()
    {
        var desk = await YulinClaims.FreshAsync(database, "claims_bulk_refuse", 3000m, Items);
        await using var clerkA = desk.Clerk("clerk.bulkr.a");
        await using var clerkB = desk.Clerk("clerk.bulkr.b");
        var claims = (await YulinClaims.MonthlyAsync(desk, "拒", 7, 2, Items, hospitalStay: true, clerkA, clerkB)).ClaimIds;
        var extra = (await YulinClaims.MonthlyAsync(desk, "未", 8, 1, Items, hospitalStay: true, clerkA, null)).ClaimIds; // only 初审
        var payable = await desk.BalanceAsync(StandardChart.PayableToInstitutions);

        var refusal = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerkB.Send(new ApproveClaimsCommand([claims[0], extra[0]])));
        Assert.Contains("不在审定环节", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(payable, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
        await using var check = desk.App();
        Assert.Equal(ClaimStatus.SecondReviewed, (await check.Set<Claim>().SingleAsync(c => c.Id == claims[0])).Status);
        Assert.Equal(ClaimStatus.FirstReviewed, (await check.Set<Claim>().SingleAsync(c => c.Id == extra[0])).Status);
    }

    /// <summary>A claim's settlement as stored: totals, lines and settlements (in a stable order), traces, who approved, whether booked.</summary>
    private sealed record Settled(string Status, string? ApprovedBy, (decimal Billed, decimal Fund, decimal Individual) Totals,
        List<(int LineNo, Guid PersonId, decimal Amount, decimal Fund, decimal Individual, string? Rejection)> Lines,
        List<(decimal YearToDateBefore, decimal EarlierInMonth, decimal Billed, decimal Fund, decimal Individual, string Reductions)> Settlements,
        List<string> Traces, bool Booked);

    private static List<(int, decimal, decimal, decimal, string?)> Kept(Settled settled) =>
        [.. settled.Lines.Select(l => (l.LineNo, l.Amount, l.Fund, l.Individual, l.Rejection))];

    /// <summary>The heap page of each line of the claims (the block of its current version).</summary>
    private static async Task<Dictionary<Guid, long>> LinePagesAsync(ClaimsDesk desk, IReadOnlyList<Guid> claimIds)
    {
        await using var db = desk.App();
        var ids = claimIds.ToArray();
        var pages = await db.Database.SqlQuery<LinePage>(
                $"SELECT id AS \"Id\", ((ctid::text::point)[0])::bigint AS \"Page\" FROM claim_lines WHERE claim_id = ANY({ids})")
            .ToListAsync();
        Assert.True(pages.Count > 100, $"too few lines ({pages.Count}) to fill a page");
        return pages.ToDictionary(p => p.Id, p => p.Page);
    }

    private sealed record LinePage(Guid Id, long Page);

    private static async Task<Settled> SettledAsync(ClaimsDesk desk, Guid id)
    {
        await using var db = desk.App();
        var claim = await db.Set<Claim>().AsNoTracking().Include(c => c.Lines).Include(c => c.Settlements).SingleAsync(c => c.Id == id);
        return new Settled(claim.Status, claim.ApprovedBy, (claim.Billed, claim.Fund, claim.Individual),
            [.. claim.Lines.OrderBy(l => l.LineNo).Select(l => (l.LineNo, l.PersonId, l.Amount, l.Fund, l.Individual, l.Rejection))],
            [.. claim.Settlements.OrderBy(x => x.Billed).ThenBy(x => x.YearToDateBefore).ThenBy(x => x.Fund)
                .Select(x => (x.YearToDateBefore, x.EarlierInMonth, x.Billed, x.Fund, x.Individual, x.Reductions))],
            [.. claim.Settlements.Select(x => x.Trace)], claim.PayableSequence is not null);
    }
}
