using LtcInsurance.Application.Assessment.AssignApplication;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Assessments;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Benefits;

/// <summary>
/// Issue #12's browser check, items 4, 7 and 9: in Zhenjiang an expert enters a national-standard assessment on the page
/// and two experts confirm 重度失能二级 there. Its publicity then lies in the past (the stored dates are moved back 30
/// days, longer than the demo's 7 working days), and the clerk opens the person's file (一人一档) from the application:
/// the timeline shows the conclusion, the clerk dispatches home care to a provider on the page (派单) and the file shows
/// the entitlement from the day after the conclusion (ZJ 二(五)1). Application, acceptance and assignment go through the use cases.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PersonFileBrowserTests(LtcWebHost host)
{
    private const string OwnPassword = "Pr0per-Passw0rd!";

    [Fact]
    public async Task After_publicity_the_persons_file_shows_重度失能二级_and_after_派单_the_entitlement()
    {
        var today = AssessmentSetup.Today();
        var n = Guid.NewGuid().ToString("N")[..8];
        var tenant = TenantIds.Zhenjiang;
        var (personId, _) = await AssessmentSetup.AddPersonAsync(host, tenant, "赵档案" + n[..4], new DateOnly(1946, 6, 6));
        var providerName = "镇江居家护理站" + n;
        await host.QueryAsOwnerAsync<Guid>(
            """
            insert into institutions (tenant_id, id, code, name, service_modes, region_code, status)
            values (@tenant, @id, @code, @name, '{home}', '321102', 'active') returning id
            """,
            ("tenant", tenant), ("id", Guid.CreateVersion7()), ("code", "HF" + n), ("name", providerName));

        var application = await AssessmentSetup.AcceptedApplicationAsync(host, tenant, personId, "赵档案", today.AddDays(-40), today.AddDays(-40));
        var agency = await AssessmentSetup.AgencyWithExpertsAsync(host, tenant, "AGF" + n, "镇江档案评估中心" + n, "fexp", n);
        await using (var clerk = OperatorUseCases.For(host.AppConnectionString, tenant))
            await clerk.Sender.Send(new AssignApplicationCommand(application, agency.AgencyId, today.AddDays(-39), today.AddDays(20)));

        // the visit on the page: expert A enters the national standard item by item and confirms, expert B confirms
        await using (var a = await UiSession.SignInWithOneTimePasswordAsync(host, agency.A.UserName, agency.A.OneTimePassword, OwnPassword))
        {
            await a.OpenAsync($"/assessments/{application}");
            await AssessmentSetup.EnterSevereLevelTwoOnPageAsync(a.Page);
            await a.Page.ClickAsync("[data-testid=assess-confirm]");
            await a.Page.Locator("[data-testid=assess-confirmations]", new() { HasTextString = agency.A.UserName }).WaitForAsync();
        }

        await using (var b = await UiSession.SignInWithOneTimePasswordAsync(host, agency.B.UserName, agency.B.OneTimePassword, OwnPassword))
        {
            await b.OpenAsync($"/assessments/{application}");
            await b.Page.ClickAsync("[data-testid=assess-confirm]");
            await b.Page.Locator("[data-testid=assess-conclusion]", new() { HasTextString = "重度失能二级" }).WaitForAsync();
            Assert.Contains("公示", await b.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        }

        // the publicity period is over: the visit, the conclusion and its publicity move 30 days into the past
        var concluded = await host.QueryAsOwnerAsync<DateTime>(
            """
            update assessment_applications set concluded_on = concluded_on - 30, publicity_from = publicity_from - 30, publicity_to = publicity_to - 30
            where id = @id and publicity_to is not null returning concluded_on::timestamp
            """,
            ("id", application));
        await host.QueryAsOwnerAsync<Guid>(
            "update assessment_records set assessed_on = assessed_on - 30, first_confirmed_on = first_confirmed_on - 30, second_confirmed_on = second_confirmed_on - 30 where application_id = @id returning id",
            ("id", application));
        var concludedOn = DateOnly.FromDateTime(concluded);

        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync($"/assessments/{application}");
        await page.ClickAsync("[data-testid=assess-person-file]");
        await page.Locator("[data-testid=file-timeline]", new() { HasTextString = "重度失能二级" }).WaitForAsync();
        Assert.Contains("结论公示", await page.InnerTextAsync("[data-testid=file-timeline]"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=file-no-entitlement]").CountAsync());
        await ui.AssertAccessibleAsync();

        // 派单 through the page: home care by the new provider; Zhenjiang's benefits start the day after the conclusion
        Assert.Contains("重度失能二级", await page.InnerTextAsync("[data-testid=file-dispatch]"), StringComparison.Ordinal);
        await ui.ChooseAsync("file-dispatch-mode", "居家护理");
        await ui.ChooseAsync("file-dispatch-institution", providerName);
        await page.ClickAsync("[data-testid=file-dispatch-submit]");
        await page.Locator("[data-testid=file-entitlement], [data-testid=file-refusal]").First.WaitForAsync();
        if (await page.Locator("[data-testid=file-refusal]").CountAsync() > 0)
            Assert.Fail("派单被拒绝：" + await page.InnerTextAsync("[data-testid=file-refusal]"));
        var entitlement = await page.InnerTextAsync("[data-testid=file-entitlement]");
        Assert.Contains("重度失能二级", entitlement, StringComparison.Ordinal);
        Assert.Contains(providerName, entitlement, StringComparison.Ordinal);
        Assert.Contains(concludedOn.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entitlement, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=file-no-entitlement]").CountAsync());
    }
}
