using LtcInsurance.Application.Security;
using LtcInsurance.Web.Tests.Api;
using LtcInsurance.Web.Tests.Claims;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Settlements;

/// <summary>
/// Issue #13 item 9, the institution's side of the monthly claim (on <see cref="ClaimsHost"/>'s clock inside the
/// January 2027 window): the institution uploads its claim file from the template and sees it submitted, withdraws it and
/// submits the same file again, opens the claim's lines and its beneficiaries with their confirmed care plan; a file with bad lines shows every problem with its line and return code, and nothing is saved.
/// </summary>
[Collection(ClaimsApiCollection.Name)]
public sealed class MonthlyClaimsBrowserTests(ClaimsHost host)
{
    private const string FileInput = "[data-testid=claim-upload] input[type=file]";

    [Fact]
    public async Task An_institution_uploads_its_claim_file_sees_it_submitted_withdraws_and_resubmits_it()
    {
        var provider = await host.ProviderAsync();
        await using var ui = await host.SignInAsync(Roles.Institution, provider.Code);
        await ui.OpenAsync("/claims/monthly");
        await ui.AssertAccessibleAsync();
        Assert.Equal("2027-01", await ui.Page.InputValueAsync("input[data-testid=claim-month], [data-testid=claim-month] input"));
        var file = new FilePayload { Name = "claim.csv", MimeType = "text/csv", Buffer = ClaimsHost.ClaimCsv(provider, 2) };

        await ui.Page.SetInputFilesAsync(FileInput, file);
        await ui.Page.ClickAsync("[data-testid=claim-upload-submit]");

        var result = ui.Page.Locator("[data-testid=claim-result]");
        await result.WaitForAsync();
        Assert.Contains("220.00", await result.InnerTextAsync(), StringComparison.Ordinal);
        var row = ui.Page.Locator("[data-testid=claim-row][data-status=submitted]");
        await row.WaitForAsync();
        Assert.Equal(1, await ui.Page.Locator("[data-testid=claim-row]").CountAsync());
        Assert.Equal(1L, await ClaimCountAsync(provider, "submitted"));

        await row.Locator("[data-testid=claim-withdraw]").ClickAsync();
        await ui.Page.Locator("[data-testid=claim-row][data-status=withdrawn]").WaitForAsync();

        await ui.Page.SetInputFilesAsync(FileInput, file);
        await ui.Page.ClickAsync("[data-testid=claim-upload-submit]");
        await ui.Page.Locator("[data-testid=claim-row][data-status=submitted]").WaitForAsync();
        Assert.Equal(1L, await ClaimCountAsync(provider, "submitted"));
        Assert.Equal(1L, await ClaimCountAsync(provider, "withdrawn"));

        await ui.Page.Locator("[data-testid=claim-row][data-status=submitted] [data-testid=claim-link]").ClickAsync();
        await ui.Page.Locator("[data-testid=claim-lines]").WaitForAsync();
        Assert.Equal(4, await ui.Page.Locator("[data-testid=claim-line]").CountAsync());
        Assert.Equal(1, await ui.Page.Locator("[data-testid=claim-event][data-action=submit]").CountAsync());
        await ui.OpenAsync("/portal/beneficiaries");
        var beneficiary = ui.Page.Locator("[data-testid=beneficiary]");
        await beneficiary.First.WaitForAsync();
        Assert.Equal(1, await beneficiary.CountAsync());
        Assert.Equal(1, await beneficiary.Locator("[data-testid=plan-confirmed]").CountAsync());
        Assert.Contains(provider.CareItem, await beneficiary.InnerTextAsync(), StringComparison.Ordinal);

        // the withdrawal's snackbar fades out (axe would measure it half transparent)
        await ui.Page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        await ui.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_bad_claim_file_shows_every_problem_by_line_and_code_and_saves_nothing()
    {
        var provider = await host.ProviderAsync();
        await using var ui = await host.SignInAsync(Roles.Institution, provider.Code);
        await ui.OpenAsync("/claims/monthly");
        var bad = ClaimsHost.ClaimCsv(provider, 1,
            $"450902199001011234,2027-01-03,{provider.CareItem},生活照料,1,80.00,",
            $"{provider.IdNumber},2027-02-01,{provider.CareItem},生活照料,1,80.00,",
            $"{provider.IdNumber},2027-01-04,NO-SUCH-ITEM,生活照料,1,80.00,");

        await ui.Page.SetInputFilesAsync(FileInput, new FilePayload { Name = "claim.csv", MimeType = "text/csv", Buffer = bad });
        await ui.Page.ClickAsync("[data-testid=claim-upload-submit]");

        await ui.Page.Locator("[data-testid=claim-problems]").WaitForAsync();
        Assert.Equal(1, await ui.Page.Locator("[data-testid=claim-problem-row][data-line='3'][data-code=unknown_person]").CountAsync());
        Assert.Equal(1, await ui.Page.Locator("[data-testid=claim-problem-row][data-line='4'][data-code=day_outside_month]").CountAsync());
        Assert.Equal(1, await ui.Page.Locator("[data-testid=claim-problem-row][data-line='5'][data-code=unknown_item]").CountAsync());
        Assert.Contains("不在本市参保人员名册中", await ui.Page.InnerTextAsync("[data-testid=claim-problems]"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        // a file whose cells are not what the template says: the reader's problem, by line, nothing submitted
        var malformed = ClaimsHost.ClaimCsv(provider, 1, $"{provider.IdNumber},2027-01-3x,{provider.CareItem},生活照料,1,80.00,");
        await ui.Page.SetInputFilesAsync(FileInput, new FilePayload { Name = "claim2.csv", MimeType = "text/csv", Buffer = malformed });
        await ui.Page.ClickAsync("[data-testid=claim-upload-submit]");
        await ui.Page.Locator("[data-testid=claim-problem-row][data-line='3'][data-code=file_format]").WaitForAsync();

        Assert.Equal(0, await ui.Page.Locator("[data-testid=claim-result]").CountAsync());
        Assert.Equal(0L, await ClaimCountAsync(provider, null));
        Assert.Equal(1, await ui.Page.Locator("[data-testid=claims-empty]").CountAsync());
    }

    private Task<long> ClaimCountAsync(ClaimsProvider provider, string? status) =>
        host.QueryAsOwnerAsync<long>(
            "SELECT count(*) FROM claims c JOIN institutions i ON i.tenant_id = c.tenant_id AND i.id = c.institution_id WHERE i.code = @code AND (@status = '' OR c.status = @status)",
            ("code", provider.Code), ("status", status ?? ""));
}
