using LtcInsurance.Application.Assessment.AssignApplication;
using LtcInsurance.Application.Assessment.ConfirmConclusion;
using LtcInsurance.Application.Assessment.DecideAcceptance;
using LtcInsurance.Application.Assessment.DesignateAgency;
using LtcInsurance.Application.Assessment.RecordOnSiteAssessment;
using LtcInsurance.Application.Assessment.RegisterApplication;
using LtcInsurance.Application.Assessment.RegisterAssessor;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var n = Guid.NewGuid().ToString("N")[..8];
        var tenant = TenantIds.Zhenjiang;
        var personId = await AddPersonAsync(tenant, "赵档案" + n[..4]);
        var providerName = "镇江居家护理站" + n;
        await host.QueryAsOwnerAsync<Guid>(
            """
            insert into institutions (tenant_id, id, code, name, service_modes, region_code, status)
            values (@tenant, @id, @code, @name, '{home}', '321102', 'active') returning id
            """,
            ("tenant", tenant), ("id", Guid.CreateVersion7()), ("code", "HF" + n), ("name", providerName));

        var concluded = today.AddDays(-37);
        Guid application;
        Guid expertA, assessorC;
        // the experts are assessor-role users bound to the agency's code: RegisterAssessor checks the binding
        await using (var platform = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("test-platform", "platform.test", null, [Roles.Admin])))
        {
            foreach (var (user, name) in new[] { ("fexpa." + n, "专家甲"), ("fexpb." + n, "专家乙") })
            {
                var created = await platform.Sender.Send(new CreateUserCommand(tenant, user, name, Roles.Assessor, AgencyCode: "AGF" + n));
                Assert.True(created.Done, created.Refusal);
            }
        }

        await using (var clerk = OperatorUseCases.For(host.AppConnectionString, tenant))
        {
            await clerk.Sender.Send(new EnrolCommand(new PersonId(personId), new DateOnly(2024, 1, 1)));
            application = (await clerk.Sender.Send(new RegisterApplicationCommand(new PersonId(personId), ApplicantKinds.Person, "赵档案",
                today.AddDays(-40), [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords], new DateOnly(2025, 1, 1)))).ApplicationId;
            Assert.Equal(AcceptanceDecision.Accept, (await clerk.Sender.Send(new DecideAcceptanceCommand(application, today.AddDays(-40)))).Outcome);
            var agency = await clerk.Sender.Send(new DesignateAgencyCommand("AGF" + n, "镇江档案评估中心" + n, new DateOnly(2020, 1, 1)));
            expertA = await clerk.Sender.Send(new RegisterAssessorCommand(agency, "专家甲", AssessorQualifications.Expert, "E-" + n + "-1", "fexpa." + n));
            await clerk.Sender.Send(new RegisterAssessorCommand(agency, "专家乙", AssessorQualifications.Expert, "E-" + n + "-2", "fexpb." + n));
            assessorC = await clerk.Sender.Send(new RegisterAssessorCommand(agency, "评估员丙", AssessorQualifications.Assessor, "A-" + n + "-3"));
            await clerk.Sender.Send(new AssignApplicationCommand(application, agency, today.AddDays(-39), today.AddDays(-25)));
        }

        var items = new Dictionary<string, int>
        {
            ["feeding"] = 0, ["dressing"] = 0, ["grooming"] = 0, ["bowels"] = 0, ["bladder"] = 0, ["toilet"] = 0, ["mobility"] = 0,
            ["transfer"] = 0, ["stairs"] = 0, ["bathing"] = 0, ["time_orientation"] = 1, ["person_orientation"] = 1, ["place_orientation"] = 1,
            ["memory"] = 0, ["vision"] = 4, ["hearing"] = 4, ["communication"] = 4,
        };
        Guid record;
        await using (var a = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("id-fexpa." + n, "fexpa." + n, tenant, [Roles.Assessor])))
        {
            record = (await a.Sender.Send(new RecordOnSiteAssessmentCommand(application, today.AddDays(-38), [expertA, assessorC], "赵女儿", "女儿",
                "IMG_0001.jpg", items))).AssessmentId;
            await a.Sender.Send(new ConfirmConclusionCommand(record, concluded));
        }

        await using (var b = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("id-fexpb." + n, "fexpb." + n, tenant, [Roles.Assessor])))
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

    private async Task<Guid> AddPersonAsync(string tenant, string name)
    {
        var id = Guid.CreateVersion7();
        for (var attempt = 0; ; attempt++)
        {
            var number = IdNumber.Create("321102", new DateOnly(1946, 6, 6), Random.Shared.Next(100, 999)).Value;
            try
            {
                return await host.QueryAsOwnerAsync<Guid>(
                    """
                    insert into insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                    values (@tenant, @id, @number, @name, 'female', date '1946-06-06', '321102', 'employee', 'retired', now())
                    returning id
                    """,
                    ("tenant", tenant), ("id", id), ("number", number), ("name", name));
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "23505" && attempt < 5)
            {
                // That ID number is taken: draw another.
            }
        }
    }
}
