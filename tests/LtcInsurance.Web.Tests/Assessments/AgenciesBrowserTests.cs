using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Assessments;

/// <summary>
/// Issue #12 item 3 on the page: a clerk designates an assessment agency, is told why a user not bound to it cannot sign for
/// its staff, registers an expert with a bound assessor user, and the page (forms, agency card, staff table) passes axe.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AgenciesBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task A_clerk_designates_an_agency_and_registers_an_expert_whose_user_is_bound_to_it()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var code = "BWAG" + n;
        await using (var platform = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("test-platform", "platform.test", null, [Roles.Admin])))
        {
            var bound = await platform.Sender.Send(new CreateUserCommand(TenantIds.Yuzhong, "bwexp." + n, "专家", Roles.Assessor, AgencyCode: code));
            var unbound = await platform.Sender.Send(new CreateUserCommand(TenantIds.Yuzhong, "bwoth." + n, "他人", Roles.Assessor, AgencyCode: "ELSE" + n));
            Assert.True(bound.Done && unbound.Done, bound.Refusal ?? unbound.Refusal);
        }

        await using var ui = await UiSession.SignInAsync(host, "clerk.yuzhong");
        var page = ui.Page;
        var response = await ui.OpenAsync("/assessments/agencies");
        Assert.True(response is { Status: 200 }, $"HTTP {response?.Status}");
        await page.WaitForSelectorAsync("[data-testid=agencies-none], [data-testid=agency-card]");
        Assert.Contains("定点评估机构", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await page.FillAsync("#agency-code", code);
        await page.FillAsync("#agency-name", "渝中浏览器评估中心" + n);
        await page.ClickAsync("[data-testid=agency-designate]");
        await page.Locator("[data-testid=agencies-done]", new() { HasTextString = code }).WaitForAsync();
        await page.Locator("[data-testid=agency-card]", new() { HasTextString = "渝中浏览器评估中心" + n }).WaitForAsync();

        // the new agency is preselected for staff; a user bound to another agency is refused with the reason
        await page.FillAsync("#staff-name", "渝专家" + n[..4]);
        await page.FillAsync("#staff-certificate", "YZ-E-" + n);
        await page.FillAsync("#staff-user", "bwoth." + n);
        await page.ClickAsync("[data-testid=staff-register]");
        var problem = await page.Locator("[data-testid=agencies-problem]").InnerTextAsync();
        Assert.Contains("ELSE" + n, problem, StringComparison.Ordinal);
        Assert.Contains("评估人员角色用户", problem, StringComparison.Ordinal);

        await page.GetByLabel("评估专家", new() { Exact = true }).CheckAsync(new() { Force = true });
        await page.FillAsync("#staff-user", "bwexp." + n);
        await page.ClickAsync("[data-testid=staff-register]");
        await page.Locator("[data-testid=agencies-done]").WaitForAsync();
        var card = page.Locator("[data-testid=agency-card]", new() { HasTextString = "渝中浏览器评估中心" + n });
        var staff = await card.Locator("[data-testid=agency-staff]").InnerTextAsync();
        Assert.Contains("bwexp." + n, staff, StringComparison.Ordinal);
        Assert.Contains("评估专家", staff, StringComparison.Ordinal);

        // the page shows its messages inline; wait for any snackbar to fade before axe reads the page
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null, new() { Timeout = 15000 });
        await ui.AssertAccessibleAsync();
    }
}
