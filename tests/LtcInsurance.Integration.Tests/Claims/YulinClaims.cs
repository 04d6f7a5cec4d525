using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Claims.FirstReview;
using LtcInsurance.Application.Claims.SecondReview;
using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>Monthly claims of two beneficiaries at one provider (<see cref="YulinClaims.MonthlyAsync"/>).</summary>
internal sealed record MonthlyClaims(Institution Provider, IReadOnlyList<InsuredPerson> People, List<Guid> ClaimIds);

/// <summary>
/// A fresh 榆林 claims world for the claims tests: a throwaway database, the claims figures (window close day 10, second
/// approver above 100,000), last year's per-capita income (the yearly ceiling is 50 % of it) and catalogue items of care,
/// on a clock the test moves; and monthly claims of two beneficiaries at one provider, submitted in their windows and
/// passed through 初审 and 复核.
/// </summary>
internal static class YulinClaims
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>09:00 in China on the day.</summary>
    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 0, 0, Beijing);

    /// <summary>A new database (<paramref name="name"/>) with Yulin's claims figures set, the clock at 2027-02-03 and care items at their prices.</summary>
    public static async Task<ClaimsDesk> FreshAsync(RegisterDatabase database, string name, decimal perCapitaIncome, params (string Code, decimal Price)[] items)
    {
        var (_, app) = await database.FreshYulinDatabaseAsync(name);
        var desk = new ClaimsDesk(app, TenantIds.Yulin, new FixedClock(At(2027, 2, 3)));
        await desk.SetClaimParametersAsync(100_000m);
        // test value: Yulin's yearly ceiling rests on it (YL 二(四)4)
        await new ParameterAdmins(app, TenantIds.Yulin).SetAsync("previousYearDisposableIncomePerCapita",
            perCapitaIncome.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2020, 1, 1));
        await desk.CatalogueAsync([.. items.Select(i => (i.Code, LineCategories.Care, (decimal?)i.Price, (string?)null))]);
        return desk;
    }

    /// <summary>
    /// One provider, two people entitled there (level 5, institution care from 2027-01-01, a plan of <paramref name="items"/>),
    /// the first in hospital 10–14 February when <paramref name="hospitalStay"/>; claims of January to <paramref name="months"/>,
    /// each billing both people 12 to 20 days (seeded by <paramref name="seed"/>: the same seed gives the same lines): the first
    /// item every day, the second (if any) one day in three. Each is submitted in its window (the 2nd of the next month),
    /// passed by 初审 (A; none when null) and 复核 (B; none when null), then handed to <paramref name="afterEach"/> before the next month.
    /// </summary>
    public static async Task<MonthlyClaims> MonthlyAsync(ClaimsDesk desk, string tag, int seed, int months, (string Code, decimal Price)[] items,
        bool hospitalStay, ClockedHost? clerkA, ClockedHost? clerkB, Func<Guid, Task>? afterEach = null)
    {
        var random = new Random(seed);
        var provider = await desk.InstitutionAsync($"玉林测试护理院{tag}{seed}", "450902", ["institution"], null);
        var people = new List<InsuredPerson>();
        for (var p = 0; p < 2; p++)
        {
            var person = await desk.PersonAsync($"林{tag}{seed}{p}", "450902");
            await desk.EntitleAsync(person, provider, 5, "institution", new DateOnly(2027, 1, 1), [.. items.Select(i => i.Code)]);
            people.Add(person);
        }

        if (hospitalStay)
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
                    lines.Add(new ClaimLineInput(lines.Count + 1, person.IdNumber.Value, new DateOnly(2027, m, d), items[0].Code, 1m, items[0].Price));
                    if (items.Length > 1 && random.Next(3) == 0)
                        lines.Add(new ClaimLineInput(lines.Count + 1, person.IdNumber.Value, new DateOnly(2027, m, d), items[1].Code, 1m, items[1].Price));
                }
            }

            await using var institution = desk.Provider(provider.Code);
            var submitted = await institution.Send(new SubmitClaimCommand(provider.Code, new Month(2027, m).ToString(), lines, $"world-{tag}-{seed}-{m}"));
            Assert.True(submitted.Accepted, string.Join("; ", submitted.Problems.Select(p => $"{p.LineNo} {p.Code}")));
            var id = submitted.ClaimId!.Value;
            if (clerkA is not null)
                await clerkA.Send(new FirstReviewCommand(id, ReviewDecisions.Pass));
            if (clerkA is not null && clerkB is not null)
                await clerkB.Send(new SecondReviewCommand(id, ReviewDecisions.Pass));
            ids.Add(id);
            if (afterEach is not null)
                await afterEach(id);
        }

        return new MonthlyClaims(provider, people, ids);
    }
}
