using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Web.Tests.Api;
using LtcInsurance.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Claims;

/// <summary>
/// Issue #13's browser check, end to end on <see cref="ClaimsHost"/>'s clock inside the January 2027 window: an
/// institution uploads its claim file, one clerk does 初审, the same clerk is refused 复核, another clerk does 复核 and
/// 审定, the batch is paid (拨付), and the institution downloads its statement of the paid claim.
/// </summary>
[Collection(ClaimsApiCollection.Name)]
public sealed class ClaimEndToEndBrowserTests(ClaimsHost host)
{
    [Fact]
    public async Task An_uploaded_claim_is_reviewed_by_two_clerks_paid_and_its_statement_downloaded_by_the_institution()
    {
        var provider = await host.ProviderAsync();
        string number;
        await using (var institution = await host.SignInAsync(Roles.Institution, provider.Code))
        {
            await institution.OpenAsync("/claims/monthly");
            await institution.Page.SetInputFilesAsync("[data-testid=claim-upload] input[type=file]",
                new FilePayload { Name = "claim.csv", MimeType = "text/csv", Buffer = ClaimsHost.ClaimCsv(provider, 2) });
            await institution.Page.ClickAsync("[data-testid=claim-upload-submit]");
            var row = institution.Page.Locator("[data-testid=claim-row][data-status=submitted]");
            await row.WaitForAsync();
            number = (await row.GetAttributeAsync("data-number"))!;
        }

        var claimId = await host.QueryAsOwnerAsync<Guid>(
            "SELECT c.id FROM claims c JOIN institutions i ON i.tenant_id = c.tenant_id AND i.id = c.institution_id WHERE i.code = @code AND c.number = @number",
            ("code", provider.Code), ("number", number));
        var (first, firstPassword) = await host.UserAsync(Roles.Clerk);
        var (second, secondPassword) = await host.UserAsync(Roles.Clerk);

        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host.ServerAddress, first, firstPassword, ClaimsHost.UserPassword))
        {
            await ui.OpenAsync($"/claims/review?month=2027-01&provider={provider.Code}");
            await ui.Page.Locator("[data-testid=review-open]", new() { HasTextString = number }).ClickAsync();
            await ui.Page.Locator("[data-testid=review-pass]").ClickAsync();
            await ui.Page.Locator("[data-testid=claim-status]", new() { HasTextString = ClaimStatus.ChineseName(ClaimStatus.FirstReviewed) }).First.WaitForAsync();
            await ui.Page.ClickAsync("[data-testid=review-pass]");
            await ui.Page.Locator("[data-testid=claim-refused]").WaitForAsync();
            Assert.Contains("费用复核须由初审以外的经办人员办理", await ui.Page.InnerTextAsync("[data-testid=claim-refused]"), StringComparison.Ordinal);
        }

        Assert.Equal(ClaimStatus.FirstReviewed, await StatusAsync(claimId));

        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host.ServerAddress, second, secondPassword, ClaimsHost.UserPassword))
        {
            await ui.OpenAsync($"/claims/review/{claimId}");
            await ui.Page.ClickAsync("[data-testid=review-pass]");
            await ui.Page.Locator("[data-testid=claim-approve]").ClickAsync();
            await ui.Page.Locator("[data-testid=claim-status]", new() { HasTextString = ClaimStatus.ChineseName(ClaimStatus.Approved) }).First.WaitForAsync();
            await ui.OpenAsync("/claims/payments");
            await ui.Page.FillAsync("#batch-month", "2027-01");
            await ui.Page.ClickAsync("[data-testid=batch-create]");
            var batch = ui.Page.Locator("[data-testid=batch]", new() { Has = ui.Page.Locator("[data-testid=batch-claim]", new() { HasTextString = number }) });
            await batch.Locator("[data-testid=batch-pay]").ClickAsync();
            await batch.Locator("[data-testid=batch-status]", new() { HasTextString = "已拨付" }).WaitForAsync();
        }

        Assert.Equal(ClaimStatus.Paid, await StatusAsync(claimId));

        await using (var institution = await host.SignInAsync(Roles.Institution, provider.Code))
        {
            await institution.OpenAsync("/claims/monthly");
            var row = institution.Page.Locator($"[data-testid=claim-row][data-number='{number}'][data-status=paid]");
            await row.WaitForAsync();
            var download = await institution.Page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=claim-statement-xlsx]").ClickAsync());
            var path = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 100 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the statement is an xlsx (zip) file");
        }
    }

    private Task<string> StatusAsync(Guid claimId) => host.QueryAsOwnerAsync<string>("SELECT status FROM claims WHERE id = @id", ("id", claimId));
}
