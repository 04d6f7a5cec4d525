using LtcInsurance.Application.Ledger.GetAgencyFeeUsage;
using LtcInsurance.Application.Ledger.GetIncomeAndExpenditure;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Ledger;

[Collection(LedgerDatabaseCollection.Name)]
public class LedgerDemoDataTests(LedgerDatabase database)
{
    [Fact]
    public async Task Demo_books_are_intact_balanced_and_seeding_again_adds_nothing()
    {
        string[] tenants = [TenantIds.Jining, TenantIds.Shishi, TenantIds.Yulin];
        await using (var owner = database.Owner())
        {
            foreach (var id in tenants)
                owner.Tenants.Add(new Tenant { Id = id, NameZh = id, NameEn = id, SchemeStart = new DateOnly(2022, 1, 1) });
            await owner.SaveChangesAsync();
        }

        await LedgerDemoData.SeedAsync(database.Server.OwnerConnectionString, tenants);
        var counts = await CountsAsync(tenants);
        await LedgerDemoData.SeedAsync(database.Server.OwnerConnectionString, tenants);

        Assert.Equal(counts, await CountsAsync(tenants));
        Assert.Equal(0, counts[TenantIds.Yulin]);
        Assert.True(counts[TenantIds.Jining] > 30);
        foreach (var id in tenants)
        {
            Assert.True((await database.VerifyAsync(id)).IsIntact);
            await using var host = database.UseCases(id);
            Assert.True((await host.Send(new GetTrialBalanceQuery())).IsBalanced);
        }
        await using var shishi = database.UseCases(TenantIds.Shishi);
        var year = (await shishi.Send(new GetIncomeAndExpenditureQuery(LedgerDemoData.Year))).Total;
        Assert.Equal(380_000m, year.Income); // SS 二(三): 380 yuan per person and year, 1000 demo people
        // Jining's policy sets an agency-fee ceiling (JN 六, 2% of the year's funding); Shishi's sets none.
        await using var jining = database.UseCases(TenantIds.Jining);
        var fees = await jining.Send(new GetAgencyFeeUsageQuery(LedgerDemoData.Year));
        Assert.Equal(AgencyFeeCeilingRule.Jining, fees.Usage?.Rule);
        Assert.True(fees.Usage!.YearFunding > 0m);
        Assert.Equal(decimal.Round(fees.Usage.YearFunding * 0.02m, 2, MidpointRounding.AwayFromZero), fees.Usage.Ceiling);
        Assert.Null((await shishi.Send(new GetAgencyFeeUsageQuery(LedgerDemoData.Year))).Usage);
    }

    private async Task<Dictionary<string, int>> CountsAsync(IEnumerable<string> tenants)
    {
        var counts = new Dictionary<string, int>();
        foreach (var id in tenants)
        {
            await using var db = database.App(id);
            counts[id] = await db.Set<JournalEntryRecord>().CountAsync();
        }
        return counts;
    }
}
