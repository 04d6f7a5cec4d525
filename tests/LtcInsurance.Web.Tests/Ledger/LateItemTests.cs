using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

[Collection(WebCollection.Name)]
public sealed class LateItemTests(LtcWebHost host)
{
    [Fact]
    public async Task A_late_claim_shows_the_open_period_it_was_booked_in_and_its_original_period()
    {
        // The demo closed January to September; a claim dated in March is booked in October (ledger invariant 5).
        // Posted once per test database under a fixed key; Yuzhong's books are not asserted by other ledger specs.
        const string tenant = "yuzhong";
        await using var db = new LtcDbContext(LtcDbContextOptions.ForOwner(host.OwnerConnectionString), new FixedCurrentTenant(tenant));
        var posted = await new LedgerPostingService(db, TimeProvider.System).PostAsync(new EntryDraft(
            new DateOnly(2026, 3, 15), "迟到的3月结算", new SourceDocument(SourceDocumentType.Claim, "CLM-LATE-2026-03"),
            "web-test:late-claim-2026-03",
            [Posting.Debit(StandardChart.BenefitExpense(ServiceMode.Institution), 120m),
             Posting.Credit(StandardChart.PayableToInstitutions, 120m)]));
        var sequence = posted.Entry.Sequence;
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "auditor." + tenant);

        var entry = await client.GetStringAsync($"/ledger/entries/{sequence}");
        // The journal's rows are loaded by the interactive grid.
        await using var ui = await UiSession.SignInAsync(host, "auditor." + tenant);
        await ui.OpenAsync("/ledger/journal?q=CLM-LATE");
        await ui.Page.JournalShowsAsync(1);
        var journal = await ui.Page.InnerTextAsync("[data-testid=journal-table]");

        Assert.Equal("2026-03-15", LedgerBooks.TestIdText(entry, "entry-date"));
        Assert.Equal("2026-10", LedgerBooks.TestIdText(entry, "entry-period"));
        Assert.StartsWith("2026-03", LedgerBooks.TestIdText(entry, "entry-original-period"), StringComparison.Ordinal);
        Assert.Contains("补记自 2026-03", journal, StringComparison.Ordinal);
        Assert.Contains("CLM-LATE-2026-03", journal, StringComparison.Ordinal);
    }
}
