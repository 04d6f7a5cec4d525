using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Tenants.AddTenant;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Integration.Tests.Claims;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Ledger;

namespace LtcInsurance.Integration.Tests.Cities.Fictitious;

/// <summary>
/// Issue #14 item 5 on a city's own data: 虚构市 opened afresh, its register enrolled and billed by the billing run (the
/// books' income), its beneficiaries' approved claims re-settled by the engine, their payment in the books. The projection's
/// first year with no change reproduces the year's ledger totals; a what-if (contribution, fund ratio, monthly limit)
/// moves income or expenditure by exactly what the policy engine gives for the city's own bills and claims.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class FictitiousProjectionTests(RegisterDatabase database)
{
    private const string District = "990101";
    private static readonly DateOnly June = new(2030, 6, 1);

    [Fact]
    public async Task What_if_changes_income_and_expenditure_by_the_engines_amounts_on_the_citys_own_bills_and_claims()
    {
        var id = "fxp" + Guid.NewGuid().ToString("N")[..12];
        using var registered = CityRegistry.Use(CityRegistry.BuiltIn.With(new FictitiousModule(id)));
        await using (var platform = UseCaseHost.For(database.Server.AppConnectionString, null!, Roles.Admin))
            Assert.True((await platform.Send(new AddTenantCommand(id))).Added);

        // the register: four residents enrolled and billed for 2030 (30 + 20 yuan each), booked by the billing run
        await using (var db = database.App(id))
        {
            await using var clerk = database.Host(id);
            for (var i = 0; i < 4; i++)
            {
                var person = await RegisterDatabase.AddPersonAsync(db, $"虚预测{i}", District, new DateOnly(1950, 5, 5));
                Assert.True((await clerk.Send(new EnrolCommand(new PersonId(person.Id), new DateOnly(2030, 1, 1)))).Enrolled);
            }

            Assert.Equal(4, (await clerk.Send(new RunBillingCommand("2030"))).BillsCreated);
        }

        // the beneficiaries: two in institution care, 1,000 yuan each in June, approved; the fund's 70 % paid from the books
        var desk = new ClaimsDesk(database.Server.AppConnectionString, id, new FixedClock(new DateTimeOffset(2030, 7, 20, 9, 0, 0, TimeSpan.FromHours(8))));
        var home = await desk.InstitutionAsync("虚构市护理院", District, ["institution"], null);
        var lines = new List<(Guid Person, Guid Entitlement)>();
        for (var i = 0; i < 2; i++)
        {
            var person = await desk.PersonAsync($"虚护理{i}", District);
            lines.Add((person.Id, (await desk.EntitleAsync(person, home, 3, "institution", new DateOnly(2030, 1, 1), "FX01")).Id));
        }

        await using (var db = desk.App())
        {
            var claim = Claim.Submit(id, home.Id, home.Code, Month.Of(June), 1, "fxp-" + Guid.NewGuid().ToString("N"), "hash", "test", DateTimeOffset.UtcNow);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = claim.AddLine(i + 1, lines[i].Person, lines[i].Entitlement, "institution", June.AddDays(9), "FX01", LineCategories.Care, 1m, 1_000m,
                    null, []);
                (line.Fund, line.Individual) = (700m, 300m);
            }

            claim.Settle([]);
            claim.PassFirstReview("clerk.a", DateTimeOffset.UtcNow, null);
            claim.PassSecondReview("clerk.b", DateTimeOffset.UtcNow, null);
            Assert.True(claim.Approve(null, "clerk.c", DateTimeOffset.UtcNow));
            db.Add(claim);
            await db.SaveChangesAsync();
            await LedgerDatabase.Poster(db).PostAsync(new EntryDraft(new DateOnly(2030, 7, 15), "机构护理结算", new SourceDocument(SourceDocumentType.Claim, claim.Number),
                "fxp-claim-" + claim.Id.ToString("N"),
                [Posting.Debit(Account.RegionAccountCode(StandardChart.BenefitExpense(ServiceMode.Institution), District), 1_400m),
                 Posting.Credit(Account.RegionAccountCode(StandardChart.PayableToInstitutions, District), 1_400m)]));
        }

        await using var auditor = database.Host(id, Roles.Auditor);
        Task<FundProjection> Project(IReadOnlyDictionary<string, decimal>? overrides) =>
            auditor.Send(new ProjectFundQuery(Years: 2, BaseYear: 2030, InsuredGrowth: 0m, ContributionGrowth: 0m, BeneficiaryGrowth: 0m, CostGrowth: 0m,
                Overrides: overrides));

        // no change: the first year is the year's books (income from the billing run, expenditure from the claims paid)
        var unchanged = await Project(null);
        Assert.Equal((200m, 1_400m), (unchanged.BaseIncome, unchanged.BaseExpense));
        Assert.InRange(unchanged.Years[0].Income, 200m * 0.99m, 200m * 1.01m);
        Assert.InRange(unchanged.Years[0].Expense, 1_400m * 0.99m, 1_400m * 1.01m);
        Assert.Contains(unchanged.Parameters, p => p.Name == FictitiousScheme.IndividualShare && p.Current == 30m);

        // the engine settles each beneficiary's June, as it is and with the what-if values
        var calculator = new PolicyCalculator();
        decimal Fund(IReadOnlyDictionary<string, object?> parameters) => lines.Sum(_ =>
            ((SettlementResult)calculator.Evaluate(new PolicyCase(CaseKinds.Settlement, id, Month.Of(June).LastDay,
                new SettlementInput(Month.Of(June), new Beneficiary(3, new DateOnly(2030, 1, 1), null, 0m), ServiceMode.Institution, null,
                    [new ServiceLine(June.AddDays(9), LineCategories.Care, "FX01", 1_000m)], []), parameters)).Result).FundPays);
        var fundNow = Fund(new Dictionary<string, object?>());
        Assert.Equal(1_400m, fundNow);

        // a higher personal contribution: each bill 60 instead of 50 → income × 60/50, expenditure unchanged
        var contribution = await Project(new Dictionary<string, decimal> { [FictitiousScheme.IndividualShare] = 40m });
        Assert.Equal(240m, contribution.Years[0].Income);
        Assert.Equal(1_400m, contribution.Years[0].Expense);
        Assert.Equal(1.2m, contribution.Assumptions.Single(a => a.Name == "缴费收入系数").Value);

        // a higher fund ratio and a lower monthly limit: expenditure × (engine with the value ÷ engine as it is)
        foreach (var (name, value) in new[] { ("fundRatio.institution", 0.80m), ("monthlyLimit.institution", 500m) })
        {
            var whatIf = await Project(new Dictionary<string, decimal> { [name] = value });
            var engine = Fund(new Dictionary<string, object?> { [name] = value });
            Assert.Equal(Money.Round(1_400m * engine / fundNow), whatIf.Years[0].Expense);
            Assert.Equal(200m, whatIf.Years[0].Income);
        }

        // the engine's figures: 80 % of 1,000 each; the limit caps the cost the 70 % applies to (70 % of 500 each)
        Assert.Equal(1_600m, Fund(new Dictionary<string, object?> { ["fundRatio.institution"] = 0.80m }));
        Assert.Equal(700m, Fund(new Dictionary<string, object?> { ["monthlyLimit.institution"] = 500m }));
    }
}
