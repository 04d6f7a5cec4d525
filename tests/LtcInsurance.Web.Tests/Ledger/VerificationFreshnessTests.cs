using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>
/// Issue #16 item 7: the overview never shows a stale "校验通过". After a verification, a new entry in 石狮's books moves
/// the chain head: the page says "未校验新分录" with both heads until someone verifies again.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class VerificationFreshnessTests(LtcWebHost host)
{
    [Fact]
    public async Task A_new_entry_marks_the_last_verification_stale_until_it_is_run_again()
    {
        await using var ui = await UiSession.SignInAsync(host, "admin.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/ledger");

        await page.ClickAsync("[data-testid=verify-now]");
        await page.Locator("[data-testid=verify-result][data-status=passed]").WaitForAsync();
        var before = await host.EntryCountAsync("shishi");
        Assert.Equal($"#{before} {await host.HashAsync("shishi", before)}", (await page.InnerTextAsync("[data-testid=verified-head]")).Trim());

        await PostEntryAsync();
        var after = await host.EntryCountAsync("shishi");
        Assert.True(after > before);

        await ui.OpenAsync("/ledger");
        await page.Locator("[data-testid=verify-result][data-status=stale]").WaitForAsync();
        var status = await page.InnerTextAsync("[data-testid=verify-result]");
        Assert.Contains("未校验新分录", status, StringComparison.Ordinal);
        Assert.DoesNotContain("校验通过", status, StringComparison.Ordinal);
        Assert.Equal($"#{before} {await host.HashAsync("shishi", before)}", (await page.InnerTextAsync("[data-testid=verified-head]")).Trim());
        Assert.Equal($"#{after} {await host.HashAsync("shishi", after)}", (await page.InnerTextAsync("[data-testid=current-head]")).Trim());

        await page.ClickAsync("[data-testid=verify-now]");
        await page.Locator("[data-testid=verify-result][data-status=passed]").WaitForAsync();
        Assert.Equal($"#{after} {await host.HashAsync("shishi", after)}", (await page.InnerTextAsync("[data-testid=verified-head]")).Trim());
        Assert.Equal(0, await page.Locator("[data-testid=current-head]").CountAsync());
    }

    /// <summary>One new entry in 石狮's books, posted as the application posts them (an assessment fee under a key of its own).</summary>
    private async Task PostEntryAsync()
    {
        await using var db = new LtcDbContext(LtcDbContextOptions.ForOwner(host.OwnerConnectionString), new FixedCurrentTenant("shishi"));
        await new LedgerPostingService(db, TimeProvider.System).PostAsync(new EntryDraft(
            new DateOnly(2026, 12, 20), "校验新分录", new SourceDocument(SourceDocumentType.Fee, "FEE-FRESHNESS-" + Guid.NewGuid().ToString("N")[..8]),
            "web-test:freshness:" + Guid.NewGuid().ToString("N"),
            [Posting.Debit(StandardChart.AssessmentFees, 12m), Posting.Credit(StandardChart.FundSpecialAccount, 12m)]));
    }
}
