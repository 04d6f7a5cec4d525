using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Claims;

/// <summary>
/// The bureau's side of a monthly claim in the browser (issue #13, the four steps of 医保办发〔2024〕22号): one clerk does
/// 初审 with a cut line, the same clerk is refused 复核 in Chinese and nothing changes, a second clerk does 复核 and 审定,
/// the batch is paid (拨付), a paid line is recovered (过误) and waits for the provider's next batch; the history names
/// both clerks, and the claim links to the beneficiary's benefit statement.
/// </summary>
[Collection(ClaimsWebCollection.Name)]
public sealed class ClaimReviewBrowserTests(ClaimsHost host)
{
    private const string OwnPassword = "Review@2027clerk";

    [Fact]
    public async Task Two_clerks_review_approve_and_pay_a_claim_and_the_same_clerk_cannot_do_both_reviews()
    {
        var provider = await host.ProviderAsync();
        var (first, second) = await TwoClerksAsync();
        var submitted = await SubmitAsync(provider, days: 3);
        Assert.True(submitted.Accepted, string.Join("; ", submitted.Problems.Select(p => $"{p.LineNo} {p.Code} {p.Message}")));
        var claimId = submitted.ClaimId!.Value;

        // 初审 by the first clerk: found in the queue by month and provider, line 2 (bed 30.00) cut to 20.00 with a reason.
        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host.ServerAddress, first.Name, first.Password, OwnPassword))
        {
            var page = ui.Page;
            await ui.OpenAsync($"/claims/review?month=2027-01&provider={provider.Code}");
            var open = page.Locator("[data-testid=review-grid] [data-testid=review-open]");
            await open.First.WaitForAsync();
            Assert.Equal(1, await open.CountAsync());
            Assert.Equal(submitted.Number, (await open.InnerTextAsync()).Trim());
            await ui.AssertAccessibleAsync();
            await ui.ScreenshotAsync("claims-review-queue.png");

            await open.ClickAsync();
            await page.Locator("[data-testid=claim-lines]").WaitForAsync();
            await page.Locator("[data-testid=claim-flags]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            Assert.Equal("330.00", (await page.InnerTextAsync("[data-testid=claim-billed]")).Trim());
            await page.Locator("[data-testid=line-trace-toggle]").First.ClickAsync();
            await page.Locator("[data-testid=line-trace]").First.WaitForAsync();
            Assert.Contains("{", await page.InnerTextAsync("[data-testid=line-trace]"), StringComparison.Ordinal);

            await page.Locator("[data-testid=line-adjust]").Nth(1).ClickAsync();
            await page.Locator("[data-testid=adjust-form]").WaitForAsync();
            await page.FillAsync("#adjust-amount", "20");
            await page.FillAsync("#adjust-reason", "床位费按实际天数核减");
            await page.ClickAsync("[data-testid=adjust-add]");
            await page.Locator("[data-testid=pending-adjustments]").WaitForAsync();
            await page.FillAsync("#review-note", "初审意见：床位费核减");
            await page.ClickAsync("[data-testid=review-pass]");
            await page.Locator("[data-testid=claim-status]", new() { HasTextString = ClaimStatus.ChineseName(ClaimStatus.FirstReviewed) }).First.WaitForAsync();
            Assert.Equal("320.00", (await page.InnerTextAsync("[data-testid=claim-billed]")).Trim());
            Assert.Contains("床位费按实际天数核减", await page.InnerTextAsync("[data-testid=claim-lines]"), StringComparison.Ordinal);
            await ui.AssertAccessibleAsync();
            await ui.ScreenshotAsync("claims-review-detail.png");

            // The same clerk tries 复核: refused in Chinese, the claim stays where it was.
            await page.ClickAsync("[data-testid=review-pass]");
            await page.Locator("[data-testid=claim-refused]").WaitForAsync();
            Assert.Contains("费用复核须由初审以外的经办人员办理", await page.InnerTextAsync("[data-testid=claim-refused]"), StringComparison.Ordinal);
            await ui.ScreenshotAsync("claims-review-same-clerk-refused.png");
        }

        Assert.Equal(ClaimStatus.FirstReviewed, await StatusAsync(claimId));
        Assert.Equal(first.Name, await host.QueryAsOwnerAsync<string>("SELECT first_reviewed_by FROM claims WHERE id = @id", ("id", claimId)));

        // 复核 and 审定 by the second clerk, then the batch is created and paid.
        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host.ServerAddress, second.Name, second.Password, OwnPassword))
        {
            var page = ui.Page;
            await ui.OpenAsync($"/claims/review/{claimId}");
            await page.Locator("[data-testid=review-pass]").WaitForAsync();
            await page.ClickAsync("[data-testid=review-pass]");
            await page.Locator("[data-testid=claim-approve]").WaitForAsync();
            Assert.Equal(second.Name, (await page.InnerTextAsync("[data-testid=claim-second-reviewer]")).Split('·')[0].Trim());
            await page.ClickAsync("[data-testid=claim-approve]");
            await page.Locator("[data-testid=claim-status]", new() { HasTextString = ClaimStatus.ChineseName(ClaimStatus.Approved) }).First.WaitForAsync();
            var history = await page.InnerTextAsync("[data-testid=claim-events]");
            Assert.Contains(first.Name, history, StringComparison.Ordinal);
            Assert.Contains(second.Name, history, StringComparison.Ordinal);
            Assert.Contains("初审意见：床位费核减", history, StringComparison.Ordinal);

            await ui.OpenAsync("/claims/payments");
            await page.Locator("[data-testid=waiting-claims]").GetByText(submitted.Number!).WaitForAsync();
            await page.FillAsync("#batch-month", "2027-01");
            await page.ClickAsync("[data-testid=batch-create]");
            var batch = page.Locator("[data-testid=batch]", new() { Has = page.Locator("[data-testid=batch-claim]", new() { HasTextString = submitted.Number }) });
            await batch.WaitForAsync();
            await batch.Locator("[data-testid=batch-pay]").ClickAsync();
            await batch.Locator("[data-testid=batch-status]", new() { HasTextString = "已拨付" }).WaitForAsync();
            await ui.AssertAccessibleAsync();
            await ui.ScreenshotAsync("claims-payments.png");
        }

        Assert.Equal(ClaimStatus.Paid, await StatusAsync(claimId));
        var fund = await host.QueryAsOwnerAsync<decimal>("SELECT fund FROM claims WHERE id = @id", ("id", claimId));
        Assert.True(fund > 0m, "the fund pays something of the claim");
        Assert.Equal(fund, await host.QueryAsOwnerAsync<decimal>(
            "SELECT b.gross - b.deducted FROM payment_batches b JOIN claims c ON c.tenant_id = b.tenant_id AND c.payment_batch_id = b.id WHERE c.id = @id", ("id", claimId)));

        // 过误: the second clerk withdraws line 1's fund with a reason; it waits for the provider's next batch.
        await using (var ui = await UiSession.SignInAsync(host.ServerAddress, second.Name, password: OwnPassword))
        {
            var page = ui.Page;
            await ui.OpenAsync($"/claims/review/{claimId}");
            await page.Locator("[data-testid=line-recover]").First.ClickAsync();
            await page.FillAsync("#recover-reason", "服务记录缺失，追回该日护理费");
            await page.ClickAsync("[data-testid=recover-submit]");
            await page.Locator("[data-testid=line-recovered]").First.WaitForAsync();
            await ui.OpenAsync("/claims/payments");
            var outstanding = page.Locator("[data-testid=outstanding-recovery]", new() { HasTextString = submitted.Number });
            await outstanding.WaitForAsync();
            Assert.Contains("服务记录缺失", await outstanding.InnerTextAsync(), StringComparison.Ordinal);

            // The beneficiary's statement of the month, reached from the claim.
            await ui.OpenAsync($"/claims/review/{claimId}");
            await page.Locator("[data-testid=line-statement]").First.ClickAsync();
            await page.Locator("[data-testid=statement-lines]").WaitForAsync();
            Assert.Contains(provider.PersonName, await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.Equal(6, await page.Locator("[data-testid=statement-line]").CountAsync());
            Assert.Contains("过误追回", await page.InnerTextAsync("[data-testid=statement-lines]"), StringComparison.Ordinal);
            await ui.AssertAccessibleAsync();
        }

        Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
            "SELECT count(*) FROM claim_recoveries WHERE claim_id = @id AND deducted_in_batch_id IS NULL", ("id", claimId)));
    }

    /// <summary>
    /// The queue's selection (issue #15 item 5): the first clerk ticks two submitted claims and passes 初审 in bulk, is
    /// refused 复核 of them in Chinese (separation of duties, nothing changes); the second clerk passes 复核 in bulk and
    /// approves them with 批量审定 (ApproveClaims): both approved by the second clerk, each booked once.
    /// </summary>
    [Fact]
    public async Task Two_clerks_pass_and_approve_a_selection_of_claims_from_the_queue()
    {
        var (first, second) = await TwoClerksAsync();
        var claims = new List<(Guid Id, string Number)>();
        for (var i = 0; i < 2; i++)
        {
            var submitted = await SubmitAsync(await host.ProviderAsync(), days: 2);
            Assert.True(submitted.Accepted, string.Join("; ", submitted.Problems.Select(p => $"{p.LineNo} {p.Code} {p.Message}")));
            claims.Add((submitted.ClaimId!.Value, submitted.Number!));
        }

        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host.ServerAddress, first.Name, first.Password, OwnPassword))
        {
            var page = ui.Page;
            await BulkAsync(ui, ClaimStatus.Submitted, claims, "bulk-first");
            Assert.Contains("2 件申报初审通过", await page.InnerTextAsync("[data-testid=bulk-done]"), StringComparison.Ordinal);
            await ui.AssertAccessibleAsync();

            await TickAsync(ui, ClaimStatus.FirstReviewed, claims);
            await page.ClickAsync("[data-testid=bulk-second]");
            await page.Locator("[data-testid=review-refused]").WaitForAsync();
            Assert.Contains("费用复核须由初审以外的经办人员办理", await page.InnerTextAsync("[data-testid=review-refused]"), StringComparison.Ordinal);
        }

        foreach (var (id, _) in claims)
            Assert.Equal(ClaimStatus.FirstReviewed, await StatusAsync(id));

        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host.ServerAddress, second.Name, second.Password, OwnPassword))
        {
            await BulkAsync(ui, ClaimStatus.FirstReviewed, claims, "bulk-second");
            await BulkAsync(ui, ClaimStatus.SecondReviewed, claims, "bulk-approve");
            Assert.Contains("已审定 2 件", await ui.Page.InnerTextAsync("[data-testid=bulk-done]"), StringComparison.Ordinal);
            await ui.ScreenshotAsync("claims-review-bulk-approved.png");
        }

        foreach (var (id, _) in claims)
        {
            Assert.Equal(ClaimStatus.Approved, await StatusAsync(id));
            Assert.Equal(second.Name, await host.QueryAsOwnerAsync<string>("SELECT approved_by FROM claims WHERE id = @id", ("id", id)));
            Assert.Equal(first.Name, await host.QueryAsOwnerAsync<string>(
                "SELECT recorded_by FROM claim_events WHERE claim_id = @id AND action = 'first_review'", ("id", id)));
            Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
                "SELECT count(*) FROM journal_entries e JOIN claims c ON c.tenant_id = e.tenant_id AND c.payable_sequence = e.sequence WHERE c.id = @id", ("id", id)));
            // settled by the bulk approval (ApproveClaims' compact trace)
            Assert.Equal(0L, await host.QueryAsOwnerAsync<long>(
                "SELECT count(*) FROM claim_settlements WHERE claim_id = @id AND trace::text NOT LIKE '%SettlementSession%'", ("id", id)));
        }
    }

    /// <summary>Opens the queue of January claims in <paramref name="status"/> and ticks <paramref name="claims"/>.</summary>
    private static async Task TickAsync(UiSession ui, string status, List<(Guid Id, string Number)> claims)
    {
        var page = ui.Page;
        await ui.OpenAsync($"/claims/review?month=2027-01&status={status}");
        foreach (var (_, number) in claims)
        {
            var row = page.Locator("[data-testid=review-grid] tbody tr", new() { Has = page.Locator("[data-testid=review-open]", new() { HasTextString = number }) });
            await row.WaitForAsync();
            await row.Locator("input[type=checkbox]").CheckAsync(new() { Force = true });
        }

        await page.Locator("[data-testid=bulk-selected]", new() { HasTextString = $"已选择 {claims.Count} 件" }).WaitForAsync();
    }

    /// <summary>Ticks the claims in the queue of <paramref name="status"/>, presses <paramref name="button"/> and waits for the result.</summary>
    private static async Task BulkAsync(UiSession ui, string status, List<(Guid Id, string Number)> claims, string button)
    {
        await TickAsync(ui, status, claims);
        await ui.Page.ClickAsync($"[data-testid={button}]");
        await ui.Page.Locator("[data-testid=bulk-done]").WaitForAsync();
    }

    private Task<string> StatusAsync(Guid claimId) => host.QueryAsOwnerAsync<string>("SELECT status FROM claims WHERE id = @id", ("id", claimId));

    private Task<ClaimSubmission> SubmitAsync(ClaimsProvider provider, int days) =>
        host.SendAsync(ClaimsHost.Institution(provider.Code), new SubmitClaimCommand(provider.Code, "2027-01",
        [
            .. Enumerable.Range(1, days).SelectMany(d => new[]
            {
                new ClaimLineInput(2 * d - 1, provider.IdNumber, new DateOnly(2027, 1, d), provider.CareItem, 1, 80m),
                new ClaimLineInput(2 * d, provider.IdNumber, new DateOnly(2027, 1, d), provider.BedItem, 1, 30m),
            }),
        ], "review-" + Guid.NewGuid().ToString("N")));

    /// <summary>Two new Yulin clerks created by the platform admin through the user-admin use case, with their one-time passwords.</summary>
    private async Task<((string Name, string Password) First, (string Name, string Password) Second)> TwoClerksAsync()
    {
        var n = Guid.NewGuid().ToString("N")[..6];
        await using var platform = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("test-platform", "platform.test", null, [Roles.Admin]));
        var a = await platform.Sender.Send(new CreateUserCommand(TenantIds.Yulin, "chushen." + n, "初审员", Roles.Clerk));
        var b = await platform.Sender.Send(new CreateUserCommand(TenantIds.Yulin, "fuhe." + n, "复核员", Roles.Clerk));
        return (("chushen." + n, a.OneTimePassword!), ("fuhe." + n, b.OneTimePassword!));
    }
}
