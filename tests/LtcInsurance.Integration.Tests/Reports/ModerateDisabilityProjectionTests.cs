using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Integration.Tests.Claims;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Ledger;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Reports;

/// <summary>
/// "Cover moderate disability" (docs/reports.md) on a city that assesses with the national 2021 standard: Yulin (YL 三(一),
/// benefits from level 3 = 重度失能一级). The what-if adds the people concluded at level 2 (中度失能) in the base year and the
/// year before — not level 1, 3, or level 2 of an earlier year — each costing the engine's yearly fund of the lowest level it
/// settled. Base year 2036, which no other test books for Yulin; the counts are compared with the projection before this
/// test's conclusions, so other data of the shared city does not matter.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ModerateDisabilityProjectionTests(RegisterDatabase database)
{
    private const int BaseYear = 2036;
    private const string Region = "450902";
    private static readonly DateOnly June = new(BaseYear, 6, 1);

    [Fact]
    public async Task Covering_moderate_disability_in_a_national_2021_city_adds_its_level_2_people_at_the_engines_cost_of_the_lowest_level()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var desk = new ClaimsDesk(database.Server.AppConnectionString, TenantIds.Yulin,
            new FixedClock(new DateTimeOffset(BaseYear, 7, 20, 9, 0, 0, TimeSpan.FromHours(8))));

        // Yulin's annual ceiling needs the year's disposable income, a figure the document leaves open: a test value from the base year
        await new ParameterAdmins(database.Server.AppConnectionString, TenantIds.Yulin)
            .SetAsync("previousYearDisposableIncomePerCapita", "40000", new DateOnly(BaseYear, 1, 1));

        // the base year's books and one beneficiary at level 3 in home care: 1,000 yuan in June, approved (70 % fund)
        var home = await desk.InstitutionAsync("中度失能测算护理站" + key, Region, ["home"], null);
        var person = await desk.PersonAsync("中度测算" + key, Region);
        var entitlement = await desk.EntitleAsync(person, home, 3, "home", new DateOnly(BaseYear, 1, 1), "MD01");
        await using (var db = desk.App())
        {
            var claim = Claim.Submit(desk.Tenant, home.Id, home.Code, Month.Of(June), 1, "mod-" + key, "hash", "test", DateTimeOffset.UtcNow);
            var line = claim.AddLine(1, person.Id, entitlement.Id, "home", June.AddDays(9), "MD01", LineCategories.Care, 1m, 1_000m, null, []);
            (line.Fund, line.Individual) = (700m, 300m);
            claim.Settle([]);
            claim.PassFirstReview("clerk.a", DateTimeOffset.UtcNow, null);
            claim.PassSecondReview("clerk.b", DateTimeOffset.UtcNow, null);
            Assert.True(claim.Approve(null, "clerk.c", DateTimeOffset.UtcNow));
            db.Add(claim);
            await db.SaveChangesAsync();
            var poster = LedgerDatabase.Poster(db);
            await poster.PostAsync(LedgerDatabase.Contribution("mod-c-" + key, 10_000m, new DateOnly(BaseYear, 3, 5)));
            await poster.PostAsync(LedgerDatabase.Claim("mod-k-" + key, 700m, new DateOnly(BaseYear, 7, 15)));
        }

        await using var auditor = database.Host(TenantIds.Yulin, Roles.Auditor);
        Task<FundProjection> Project(bool cover) =>
            auditor.Send(new ProjectFundQuery(Years: 1, BaseYear: BaseYear, InsuredGrowth: 0m, ContributionGrowth: 0m, BeneficiaryGrowth: 0m,
                CostGrowth: 0m, CoverModerate: cover));
        static decimal Assumption(FundProjection projection, string name) => projection.Assumptions.Single(a => a.Name == name).Value;

        var before = await Project(true);

        // level 2 in the base year and the year before count; level 1, level 3 (already covered) and level 2 of two years back do not
        var agency = AssessmentAgency.Designate(desk.Tenant, "MD-AG-" + key, "中度测算评估所" + key, new DateOnly(2020, 1, 1), null, null, false);
        await using (var db = desk.App())
        {
            db.Add(agency);
            await db.SaveChangesAsync();
        }

        foreach (var (level, on) in new[]
                 {
                     (2, new DateOnly(BaseYear, 5, 10)), (2, new DateOnly(BaseYear - 1, 1, 1)), (1, new DateOnly(BaseYear, 5, 10)),
                     (3, new DateOnly(BaseYear, 5, 10)), (2, new DateOnly(BaseYear - 2, 12, 31)),
                 })
            await ConcludedAsync(desk, agency.Id, (await desk.PersonAsync($"中度评估{level}{on:yyMMdd}{key}"[..12], Region)).Id, level, on);

        var unchanged = await Project(false);
        var covered = await Project(true);
        var added = Assumption(covered, "新增中度失能享受人数");
        Assert.Equal(Assumption(before, "新增中度失能享受人数") + 2m, added);

        // each costs the engine's fund (no waiting period: the entitlement pays from its first day) of the lowest level settled (this test's level 3 beneficiary: 70 % of 1,000) × 12
        var engine = await auditor.Services.GetRequiredService<IPolicyEngine>().ForTenantAsync(TenantIds.Yulin);
        var input = new SettlementInput(Month.Of(June), new Beneficiary(3, entitlement.From, null, 0m), ServiceMode.Home, null,
            [new ServiceLine(June.AddDays(9), LineCategories.Care, "MD01", 1_000m)], []);
        var fund = ((SettlementResult)engine.Evaluate(new PolicyCase(CaseKinds.Settlement, TenantIds.Yulin, Month.Of(June).LastDay, input,
            new Dictionary<string, object?> { [CommonParameters.National2021MinimumLevel] = 2m })).Result).FundPays;
        Assert.Equal(700m, fund);
        var cost = Assumption(covered, "新增人员人均年待遇支出");
        Assert.Equal(Money.Round(fund * 12m), cost);

        // the books' year is unchanged by the threshold (the level 3 fund is the same), plus the added people's cost
        Assert.Equal(1m, Assumption(covered, "待遇支出系数"));
        Assert.Equal(unchanged.Years[0].Expense + (added * cost), covered.Years[0].Expense);
        Assert.Equal(unchanged.Years[0].Income, covered.Years[0].Income);
    }

    /// <summary>An application concluded at <paramref name="level"/> of the national 2021 standard on <paramref name="on"/>, as rows.</summary>
    private static async Task ConcludedAsync(ClaimsDesk desk, Guid agency, Guid person, int level, DateOnly on)
    {
        string[] labels = ["能力完好", "轻度失能", "中度失能", "重度失能一级", "重度失能二级", "重度失能三级"];
        await using var db = desk.App();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO assessment_applications (tenant_id, id, person_id, applicant_kind, applicant_name, applied_on, condition_changed,
                provided_documents, status, acceptance_due_on, complete_by, decided_on, agency_id, assigned_on, assessment_due_on,
                concluded_on, conclusion_level, conclusion_level_label, conclusion_instrument, registered_by, registered_at, kind,
                review_of_id, recused_staff_ids)
            VALUES ({desk.Tenant}, {Guid.CreateVersion7()}, {person}, {ApplicantKinds.Person}, {"测算申请人"}, {on.AddDays(-20)}, false,
                {new[] { ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords }}, {ApplicationStatuses.Concluded}, {on.AddDays(-15)},
                {on.AddDays(-10)}, {on.AddDays(-19)}, {agency}, {on.AddDays(-18)}, {on.AddDays(-4)}, {on}, {level}, {labels[level]}, {"national2021"},
                {"clerk.projection"}, {DateTimeOffset.UtcNow}, {ApplicationKinds.Initial}, {(Guid?)null}, {Array.Empty<Guid>()})
            """);
    }
}
