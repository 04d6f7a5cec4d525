using LtcInsurance.Application.Claims.ApproveClaim;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>
/// The yearly ceiling (YL 三(二): the fund pays at most 50 % of last year's per-capita disposable income a year) holds
/// when several claims of the same beneficiaries are approved at the same instant by parallel clerks: approval takes a
/// lock per beneficiary before it reads the year-to-date fund, so the later approval settles against the earlier one.
/// Seeded rounds: each has two beneficiaries at one institution and three to five monthly claims (each claim billing
/// both people) that together ask for more than the ceiling; all are approved at once.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class YearlyCeilingRaceTests(RegisterDatabase database)
{
    private const decimal Ceiling = 1500m; // test value: 50 % of a per-capita income of 3,000

    [Fact]
    public async Task Claims_of_one_beneficiary_approved_at_once_never_pay_more_than_the_yearly_ceiling()
    {
        var desk = await YulinClaims.FreshAsync(database, "claims_race", 3000m, ("YL-RC01", 80m));
        await using var clerkA = desk.Clerk("clerk.race.a");
        await using var clerkB = desk.Clerk("clerk.race.b");

        for (var seed = 1; seed <= 3; seed++)
        {
            // months January to N, each claimed in its window (the 2nd of the next month) before any is approved
            var months = new Random(seed).Next(3, 6);
            var world = await YulinClaims.MonthlyAsync(desk, "并发", seed, months, [("YL-RC01", 80m)], hospitalStay: false, clerkA, clerkB);
            var (people, claimIds) = (world.People, world.ClaimIds);
            var asked = people.ToDictionary(p => p.Id, _ => 0m);
            await using (var db = desk.App())
            {
                foreach (var line in await db.Set<ClaimLine>().Where(l => claimIds.Contains(l.ClaimId)).ToListAsync())
                    asked[line.PersonId] += line.Fund;
            }

            Assert.All(asked.Values, total => Assert.True(total > Ceiling, $"round {seed}: the claims ask {total}, not above the ceiling"));
            var payableBefore = await desk.BalanceAsync(StandardChart.PayableToInstitutions);

            // every claim approved by its own clerk, all released at the same instant
            var clerks = claimIds.Select((_, i) => desk.Clerk($"clerk.race.{seed}.{i}")).ToList();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = claimIds.Select((id, i) => Task.Run(async () =>
            {
                await start.Task;
                return await Attempt(() => clerks[i].Send(new ApproveClaimCommand(id)));
            })).ToList();
            start.SetResult();
            var outcomes = await Task.WhenAll(attempts);
            foreach (var clerk in clerks)
                await clerk.DisposeAsync();

            // each approval either went through or was refused with a stated reason (no deadlock, no fault)
            Assert.All(outcomes, o => Assert.True(o is null || !string.IsNullOrWhiteSpace(o.Message), o?.Code));
            await using (var db = desk.App())
            {
                var final = ClaimStatus.Final.ToArray();
                var approved = await db.Set<Claim>().Where(c => claimIds.Contains(c.Id) && final.Contains(c.Status)).Select(c => c.Id).ToListAsync();
                Assert.Equal(outcomes.Count(o => o is null), approved.Count);
                foreach (var person in people)
                {
                    var paid = await (from l in db.Set<ClaimLine>()
                                      join c in db.Set<Claim>() on l.ClaimId equals c.Id
                                      where l.PersonId == person.Id && final.Contains(c.Status)
                                      select l.Fund).SumAsync();
                    Assert.True(paid <= Ceiling, $"round {seed}: {paid} paid for one beneficiary, above the ceiling {Ceiling}");
                    if (approved.Count == claimIds.Count)
                        Assert.Equal(Ceiling, paid); // everything approved: the ceiling is used up exactly
                }

                var fund = await db.Set<Claim>().Where(c => approved.Contains(c.Id)).SumAsync(c => c.Fund);
                Assert.Equal(payableBefore - fund, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
            }
        }
    }

    private static async Task<BusinessRuleViolationException?> Attempt(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (BusinessRuleViolationException e)
        {
            return e;
        }
    }
}
