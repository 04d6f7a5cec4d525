using LtcInsurance.Application.Ledger.GetAgencyFeeUsage;
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
        // Without bills or payments nothing was received: the benefit side is scaled to receipts, so nothing is paid out
        // either (the demo never books funding it did not bill). The fully seeded demo is checked in Seeding/DemoStoryTests.
        Assert.All(tenants, id => Assert.Equal(0, counts[id]));
        foreach (var id in tenants)
        {
            Assert.True((await database.VerifyAsync(id)).IsIntact);
            await using var host = database.UseCases(id);
            Assert.True((await host.Send(new GetTrialBalanceQuery())).IsBalanced);
            await using var db = database.App(id);
            Assert.True(await db.LedgerAccounts.AnyAsync());
        }
        // Jining's policy sets an agency-fee ceiling (JN 六, 2% of the year's funding); Shishi's sets none.
        await using var jining = database.UseCases(TenantIds.Jining);
        var fees = await jining.Send(new GetAgencyFeeUsageQuery(LedgerDemoData.Year));
        Assert.Equal(AgencyFeeCeilingRule.Jining, fees.Usage?.Rule);
        Assert.False(fees.Usage!.Exceeded);
        await using var shishi = database.UseCases(TenantIds.Shishi);
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
