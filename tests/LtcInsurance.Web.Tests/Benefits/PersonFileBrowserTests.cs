using LtcInsurance.Application.Assessment.AssignApplication;
using LtcInsurance.Application.Assessment.ConfirmConclusion;
using LtcInsurance.Application.Assessment.RecordOnSiteAssessment;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Assessments;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Benefits;

/// <summary>
/// Issue #12 items 7 and 9: in Zhenjiang a national-standard assessment concluded 重度失能二级 by two experts has been
/// publicised (the demo's 7 working days) and the clerk opens the person's file (一人一档) from the application: the
/// timeline shows the conclusion, the clerk dispatches home care to a provider on the page (派单) and the file shows the
/// entitlement from the day after the conclusion (ZJ 二(五)1). The path up to the conclusion goes through the use cases.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PersonFileBrowserTests(LtcWebHost host)
{
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

        var concluded = today.AddDays(-37);
        var application = await AssessmentSetup.AcceptedApplicationAsync(host, tenant, personId, "赵档案", today.AddDays(-40), today.AddDays(-40));
        var agency = await AssessmentSetup.AgencyWithExpertsAsync(host, tenant, "AGF" + n, "镇江档案评估中心" + n, "fexp", n);
        await using (var clerk = OperatorUseCases.For(host.AppConnectionString, tenant))
            await clerk.Sender.Send(new AssignApplicationCommand(application, agency.AgencyId, today.AddDays(-39), today.AddDays(-25)));

        Guid record;
        await using (var a = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("id-" + agency.A.UserName, agency.A.UserName, tenant, [Roles.Assessor])))
        {
            record = (await a.Sender.Send(new RecordOnSiteAssessmentCommand(application, today.AddDays(-38), [agency.A.AssessorId, agency.AssessorC], "赵女儿", "女儿",
                "IMG_0001.jpg", AssessmentSetup.SevereLevelTwoScores))).AssessmentId;
            await a.Sender.Send(new ConfirmConclusionCommand(record, concluded));
        }

        await using (var b = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("id-" + agency.B.UserName, agency.B.UserName, tenant, [Roles.Assessor])))
        {
            var confirmation = await b.Sender.Send(new ConfirmConclusionCommand(record, concluded));
            Assert.Equal("重度失能二级", confirmation.LevelLabel);
            Assert.True(confirmation.PublicityTo < today, confirmation.Message);
        }

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
        Assert.Contains(concluded.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entitlement, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=file-no-entitlement]").CountAsync());
    }
}
