using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Claims.ApproveClaim;
using LtcInsurance.Application.Claims.ApproveClaims;
using LtcInsurance.Application.Claims.FirstReview;
using LtcInsurance.Application.Claims.SecondReview;
using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>
/// Bulk 审定 (<see cref="ApproveClaimsCommand"/>: set-based reads, the engine's <c>SettlementSession</c>, COPY writes, one
/// ledger batch) against the traced path (<see cref="ApproveClaimCommand"/> one claim at a time). Seeded rounds build two
/// identical worlds in 榆林 (same provider kind, same people's months, lines, hospital stays, several months asking more than
/// the yearly ceiling): one world's claims are approved one by one in id order, the other's in one bulk command. Every
/// line, settlement, claim and the payable booked must be the same.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class BulkApprovalTests(RegisterDatabase database)
{
    private const decimal Ceiling = 1500m; // test value: 50 % of a per-capita income of 3,000
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Bulk_approval_settles_and_books_exactly_as_approving_one_claim_at_a_time()
    {
        var (_, app) = await database.FreshYulinDatabaseAsync("claims_bulk");
        var desk = new ClaimsDesk(app, TenantIds.Yulin, new FixedClock(At(2027, 2, 3)));
        await desk.SetClaimParametersAsync(100_000m);
        await new ParameterAdmins(app, TenantIds.Yulin).SetAsync("previousYearDisposableIncomePerCapita", "3000", new DateOnly(2020, 1, 1));
        await desk.CatalogueAsync(("YL-BK01", LineCategories.Care, 80m, null), ("YL-BK02", LineCategories.Care, 45m, null));
        await using var clerkA = desk.Clerk("clerk.bulk.a");
        await using var clerkB = desk.Clerk("clerk.bulk.b");
        await using var approver = desk.Clerk("clerk.bulk.c");

        for (var seed = 1; seed <= 2; seed++)
        {
            var months = new Random(seed).Next(3, 6);
            var single = await WorldAsync(desk, clerkA, clerkB, seed, "单", months);
            var bulk = await WorldAsync(desk, clerkA, clerkB, seed, "批", months);

            var payableBefore = await desk.BalanceAsync(StandardChart.PayableToInstitutions);
            foreach (var id in single.Order())
                await approver.Send(new ApproveClaimCommand(id));
            var afterSingle = await desk.BalanceAsync(StandardChart.PayableToInstitutions);
            var result = await approver.Send(new ApproveClaimsCommand([.. bulk.OrderDescending()]));
            var afterBulk = await desk.BalanceAsync(StandardChart.PayableToInstitutions);

            Assert.Equal(bulk.Count, result.Steps.Count);
            Assert.All(result.Steps, s => Assert.Equal(ClaimStatus.Approved, s.Status));
            Assert.Equal(afterSingle - payableBefore, afterBulk - afterSingle);
            Assert.True(afterSingle < payableBefore, "the single approvals booked nothing");

            await using var db = desk.App();
            var singleClaims = await db.Set<Claim>().Include(c => c.Lines).Include(c => c.Settlements).Include(c => c.Events)
                .Where(c => single.Contains(c.Id)).OrderBy(c => c.ServiceMonth).ToListAsync();
            var bulkClaims = await db.Set<Claim>().Include(c => c.Lines).Include(c => c.Settlements).Include(c => c.Events)
                .Where(c => bulk.Contains(c.Id)).OrderBy(c => c.ServiceMonth).ToListAsync();
            Assert.Equal(singleClaims.Count, bulkClaims.Count);
            var paidPerPerson = new Dictionary<Guid, decimal>();
            for (var i = 0; i < singleClaims.Count; i++)
            {
                var (s, b) = (singleClaims[i], bulkClaims[i]);
                Assert.Equal(ClaimStatus.Approved, b.Status);
                Assert.Equal(s.Fund, b.Fund);
                Assert.Equal(s.Billed, b.Billed);
                Assert.Equal(s.Individual, b.Individual);
                Assert.Equal(s.PayableSequence is null, b.PayableSequence is null); // a claim the ceiling leaves at 0 books nothing
                Assert.Equal("clerk.bulk.c", b.ApprovedBy);
                Assert.Contains(b.Events, e => e.Action == ClaimActions.Approve && e.RecordedBy == "clerk.bulk.c");
                foreach (var (sl, bl) in s.Lines.OrderBy(l => l.LineNo).Zip(b.Lines.OrderBy(l => l.LineNo)))
                {
                    Assert.Equal((sl.LineNo, sl.Amount, sl.Fund, sl.Individual, sl.Rejection), (bl.LineNo, bl.Amount, bl.Fund, bl.Individual, bl.Rejection));
                    paidPerPerson[bl.PersonId] = paidPerPerson.GetValueOrDefault(bl.PersonId) + bl.Fund;
                }

                var singleSettlements = s.Settlements.OrderBy(x => x.Billed).ThenBy(x => x.YearToDateBefore).ThenBy(x => x.Fund)
                    .Select(x => (x.YearToDateBefore, x.EarlierInMonth, x.Billed, x.Fund, x.Individual, x.Reductions)).ToList();
                var bulkSettlements = b.Settlements.OrderBy(x => x.Billed).ThenBy(x => x.YearToDateBefore).ThenBy(x => x.Fund)
                    .Select(x => (x.YearToDateBefore, x.EarlierInMonth, x.Billed, x.Fund, x.Individual, x.Reductions)).ToList();
                Assert.Equal(singleSettlements, bulkSettlements);
                // the compact trace still answers "why this amount": shared rules and parameters, the case's inputs, each line
                Assert.All(b.Settlements, x =>
                {
                    Assert.Contains("\"engine\":\"SettlementSession\"", x.Trace.Replace(" ", ""), StringComparison.Ordinal);
                    Assert.Contains("parameters", x.Trace, StringComparison.Ordinal);
                    Assert.Contains("yearToDateFund", x.Trace, StringComparison.Ordinal);
                });
            }

            // the rounds ask more than the ceiling: each person is paid exactly the ceiling, in both worlds
            Assert.All(paidPerPerson.Values, paid => Assert.Equal(Ceiling, paid));
        }
    }

    [Fact]
    public async Task Bulk_approval_refuses_a_claim_not_waiting_for_approval_and_changes_nothing()
    {
        var (_, app) = await database.FreshYulinDatabaseAsync("claims_bulk_refuse");
        var desk = new ClaimsDesk(app, TenantIds.Yulin, new FixedClock(At(2027, 2, 3)));
        await desk.SetClaimParametersAsync(100_000m);
        await new ParameterAdmins(app, TenantIds.Yulin).SetAsync("previousYearDisposableIncomePerCapita", "3000", new DateOnly(2020, 1, 1));
        await desk.CatalogueAsync(("YL-BK01", LineCategories.Care, 80m, null), ("YL-BK02", LineCategories.Care, 45m, null));
        await using var clerkA = desk.Clerk("clerk.bulkr.a");
        await using var clerkB = desk.Clerk("clerk.bulkr.b");
        var claims = await WorldAsync(desk, clerkA, clerkB, 7, "拒", 2);
        await using (var db = desk.App())
        {
            var first = await db.Set<Claim>().Include(c => c.Lines).SingleAsync(c => c.Id == claims[0]);
            Assert.Equal(ClaimStatus.SecondReviewed, first.Status);
        }

        // the second claim goes back to first review state: refuse the whole command
        var extra = await WorldAsync(desk, clerkA, null, 8, "未", 1);
        var payable = await desk.BalanceAsync(StandardChart.PayableToInstitutions);
        var refusal = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerkB.Send(new ApproveClaimsCommand([claims[0], extra[0]])));
        Assert.Contains("不在审定环节", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(payable, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
        await using var check = desk.App();
        Assert.Equal(ClaimStatus.SecondReviewed, (await check.Set<Claim>().SingleAsync(c => c.Id == claims[0])).Status);
    }

    /// <summary>
    /// One provider, two people (one with a hospital stay in February), monthly claims January to <paramref name="months"/>,
    /// each billing both people on seeded days (the same seed gives the same lines), submitted in their windows and passed
    /// by 初审 (A) and 复核 (B; none when null). Returns the claims' ids.
    /// </summary>
    private static async Task<List<Guid>> WorldAsync(ClaimsDesk desk, ClockedHost clerkA, ClockedHost? clerkB, int seed, string tag, int months)
    {
        var random = new Random(seed);
        var provider = await desk.InstitutionAsync($"玉林批量审定测试{tag}{seed}", "450902", ["institution"], null);
        var people = new List<InsuredPerson>();
        for (var p = 0; p < 2; p++)
        {
            var person = await desk.PersonAsync($"林批{tag}{seed}{p}", "450902");
            await desk.EntitleAsync(person, provider, 5, "institution", new DateOnly(2027, 1, 1), "YL-BK01", "YL-BK02");
            people.Add(person);
        }

        await desk.HospitalStayAsync(people[0], new DateOnly(2027, 2, 10), new DateOnly(2027, 2, 14));
        var ids = new List<Guid>();
        for (var m = 1; m <= months; m++)
        {
            desk.Clock.Now = At(2027, m + 1, 2);
            var lines = new List<ClaimLineInput>();
            foreach (var person in people)
            {
                var days = random.Next(12, 21);
                foreach (var d in Enumerable.Range(1, days))
                {
                    lines.Add(new ClaimLineInput(lines.Count + 1, person.IdNumber.Value, new DateOnly(2027, m, d), "YL-BK01", 1m, 80m));
                    if (random.Next(3) == 0)
                        lines.Add(new ClaimLineInput(lines.Count + 1, person.IdNumber.Value, new DateOnly(2027, m, d), "YL-BK02", 1m, 45m));
                }
            }

            await using var institution = desk.Provider(provider.Code);
            var submitted = await institution.Send(new SubmitClaimCommand(provider.Code, new Month(2027, m).ToString(), lines, $"bulk-{tag}-{seed}-{m}"));
            Assert.True(submitted.Accepted, string.Join("; ", submitted.Problems.Select(p => $"{p.LineNo} {p.Code}")));
            var id = submitted.ClaimId!.Value;
            await clerkA.Send(new FirstReviewCommand(id, ReviewDecisions.Pass));
            if (clerkB is not null)
                await clerkB.Send(new SecondReviewCommand(id, ReviewDecisions.Pass));
            ids.Add(id);
        }

        return ids;
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 0, 0, Beijing);
}
