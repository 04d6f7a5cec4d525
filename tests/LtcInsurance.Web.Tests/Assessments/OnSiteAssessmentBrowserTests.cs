using LtcInsurance.Application.Assessment.AssignApplication;
using LtcInsurance.Application.Assessment.DesignateAgency;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Assessments;

/// <summary>
/// Issue #12 item 9: in Zhenjiang (national2021) an expert enters the on-site assessment item by item, sees the computed
/// level with its trace, confirms; confirming again as the same user is refused on the page; a second expert (another
/// user) confirms and the application shows 重度失能二级. Everything before the visit is set up through the use cases;
/// the experts are users this test creates (one-time passwords).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OnSiteAssessmentBrowserTests(LtcWebHost host)
{
    private const string OwnPassword = "Pr0per-Passw0rd!";
    private static readonly DateOnly BirthDate = new(1945, 5, 5);

    [Fact]
    public async Task An_expert_enters_a_national_standard_assessment_and_two_experts_confirm_重度失能二级()
    {
        var today = AssessmentSetup.Today();
        var n = Guid.NewGuid().ToString("N")[..8];
        var tenant = TenantIds.Zhenjiang;
        var (personId, _) = await AssessmentSetup.AddPersonAsync(host, tenant, "赵评估" + n[..4], BirthDate);
        var application = await AssessmentSetup.AcceptedApplicationAsync(host, tenant, personId, "赵评估", today.AddDays(-5), today.AddDays(-4));
        var agency = await AssessmentSetup.AgencyWithExpertsAsync(host, tenant, "AGW" + n, "镇江第三方评估中心" + n, "exp", n);
        await using (var clerk = OperatorUseCases.For(host.AppConnectionString, tenant))
            await clerk.Sender.Send(new AssignApplicationCommand(application, agency.AgencyId, today.AddDays(-3), today.AddDays(20)));

        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host, agency.A.UserName, agency.A.OneTimePassword, OwnPassword))
        {
            var page = ui.Page;
            await ui.OpenAsync($"/assessments/{application}");
            await AssessmentSetup.EnterSevereLevelTwoOnPageAsync(page);
            Assert.Contains("national2021", await page.InnerTextAsync("[data-testid=assess-trace]"), StringComparison.Ordinal);
            await ui.AssertAccessibleAsync();

            await page.ClickAsync("[data-testid=assess-confirm]");
            await page.Locator("[data-testid=assess-confirmations]", new() { HasTextString = agency.A.UserName }).WaitForAsync();
            await page.ClickAsync("[data-testid=assess-confirm]");
            var refusal = await page.Locator("[data-testid=assess-refusal]").InnerTextAsync();
            Assert.Contains("另一名评估专家", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("；", await page.InnerTextAsync("[data-testid=assess-confirmations]"), StringComparison.Ordinal);
            await ui.AssertAccessibleAsync();
        }

        await using (var ui = await UiSession.SignInWithOneTimePasswordAsync(host, agency.B.UserName, agency.B.OneTimePassword, OwnPassword))
        {
            var page = ui.Page;
            await ui.OpenAsync($"/assessments/{application}");
            await page.ClickAsync("[data-testid=assess-confirm]");
            await page.Locator("[data-testid=assess-conclusion]", new() { HasTextString = "重度失能二级" }).WaitForAsync();
            Assert.Equal("已作出评估结论", (await page.InnerTextAsync("[data-testid=assess-status-name]")).Trim());
            await ui.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task A_clerk_registers_by_ID_number_sees_the_refusal_with_its_clause_and_assigns_an_accepted_application()
    {
        var today = AssessmentSetup.Today();
        var n = Guid.NewGuid().ToString("N")[..8];
        var tenant = TenantIds.Zhenjiang;
        var (refusedPerson, refusedNumber) = await AssessmentSetup.AddPersonAsync(host, tenant, "钱登记" + n[..4], BirthDate);
        var (acceptedPerson, _) = await AssessmentSetup.AddPersonAsync(host, tenant, "孙委派" + n[..4], BirthDate);
        var accepted = await AssessmentSetup.AcceptedApplicationAsync(host, tenant, acceptedPerson, "孙委派", today.AddDays(-2), today.AddDays(-1));
        var agencyName = "镇江委派评估中心" + n;
        await using (var clerk = OperatorUseCases.For(host.AppConnectionString, tenant))
        {
            await clerk.Sender.Send(new EnrolCommand(new PersonId(refusedPerson), new DateOnly(2024, 1, 1)));
            await clerk.Sender.Send(new DesignateAgencyCommand("AGC" + n, agencyName, new DateOnly(2020, 1, 1)));
        }

        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/assessments");
        await page.WaitForSelectorAsync("[data-testid=assess-none], [data-testid=assess-table]");
        Assert.Equal(1, await page.Locator("[data-testid=assess-buckets]").CountAsync());
        await ui.AssertAccessibleAsync();

        // Register by ID number, without the disability start date Zhenjiang requires: the acceptance is refused, with its clause.
        await page.ClickAsync("[data-testid=assess-register]");
        await page.Locator("h1", new() { HasTextString = "登记评估申请" }).WaitForAsync();
        await page.FillAsync("#assess-search", refusedNumber);
        await page.ClickAsync("[data-testid=assess-search-go]");
        await page.Locator("[data-testid=assess-people]", new() { HasTextString = "钱登记" }).WaitForAsync();
        await page.GetByLabel("申请人身份证件（必备）").CheckAsync();
        await page.GetByLabel("近期病历等医疗诊断资料（必备）").CheckAsync();
        await ui.AssertAccessibleAsync();
        await page.FillAsync("#assess-applicant", "钱登记本人");
        await page.ClickAsync("[data-testid=assess-register-submit]");
        await page.Locator("[data-testid=assess-decide], [data-testid=assess-refusal]").First.WaitForAsync();
        Assert.True(await page.Locator("[data-testid=assess-decide]").CountAsync() == 1,
            await page.Locator("[data-testid=assess-refusal]").CountAsync() == 1 ? await page.InnerTextAsync("[data-testid=assess-refusal]") : "no decide button");
        await ui.AssertAccessibleAsync();
        await page.ClickAsync("[data-testid=assess-decide]");
        var refusal = await page.Locator("[data-testid=assess-refusal]").InnerTextAsync();
        Assert.Contains("不予受理", refusal, StringComparison.Ordinal);
        Assert.Contains("依据", refusal, StringComparison.Ordinal);
        await page.Locator("[data-testid=assess-status-name]", new() { HasTextString = "不予受理" }).WaitForAsync();

        // The accepted application is assigned to an agency with the default due date.
        await ui.OpenAsync($"/assessments/{accepted}");
        await page.ClickAsync("[data-testid=assess-agency]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = agencyName }).ClickAsync();
        await page.ClickAsync("[data-testid=assess-assign]");
        await page.Locator("[data-testid=assess-status-name]", new() { HasTextString = "已委派评估机构" }).WaitForAsync();
        Assert.Contains(agencyName, await page.InnerTextAsync("[data-testid=assess-summary]"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
    }
}
