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

namespace LtcInsurance.Web.Tests.Assessments;

/// <summary>
/// Issue #12 items 5, 6 and 8 on the screens: a Zhenjiang conclusion dated before the city's demo figures (2023-10-01; the
/// test moves the stored days back, as for a conclusion made before they were set) has no publicity, no fee and no reminder
/// day. The clerk's 评估 queue lists it among the expiry reminders with the Chinese refusal instead of dates; on the
/// application page the clerk sees the fee not posted (and the refusal when posting it), the publicity's end on the working
/// calendar, starts the publicity, lodges an objection during it and opens the 复评 it created.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PublicityObjectionBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task A_clerk_sees_the_unset_reminder_starts_publicity_lodges_an_objection_and_is_told_why_the_fee_is_not_posted()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var n = Guid.NewGuid().ToString("N")[..8];
        var tenant = TenantIds.Zhenjiang;
        var name = "钱公示" + n[..4];
        var personId = await AddPersonAsync(tenant, name);
        var code = "AGP" + n;
        await using (var platform = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("test-platform", "platform.test", null, [Roles.Admin])))
        {
            foreach (var user in new[] { "pexpa." + n, "pexpb." + n })
            {
                var created = await platform.Sender.Send(new CreateUserCommand(tenant, user, user, Roles.Assessor, AgencyCode: code));
                Assert.True(created.Done, created.Refusal);
            }
        }

        Guid application, expertA, assessorC;
        await using (var clerk = OperatorUseCases.For(host.AppConnectionString, tenant))
        {
            await clerk.Sender.Send(new EnrolCommand(new PersonId(personId), new DateOnly(2024, 1, 1)));
            application = (await clerk.Sender.Send(new RegisterApplicationCommand(new PersonId(personId), ApplicantKinds.Person, name,
                today.AddDays(-40), [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords], new DateOnly(2025, 1, 1)))).ApplicationId;
            Assert.Equal(AcceptanceDecision.Accept, (await clerk.Sender.Send(new DecideAcceptanceCommand(application, today.AddDays(-40)))).Outcome);
            var agency = await clerk.Sender.Send(new DesignateAgencyCommand(code, "镇江公示评估中心" + n, new DateOnly(2020, 1, 1)));
            expertA = await clerk.Sender.Send(new RegisterAssessorCommand(agency, "专家甲", AssessorQualifications.Expert, "E-" + n + "-1", "pexpa." + n));
            await clerk.Sender.Send(new RegisterAssessorCommand(agency, "专家乙", AssessorQualifications.Expert, "E-" + n + "-2", "pexpb." + n));
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
        await using (var a = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("id-pexpa." + n, "pexpa." + n, tenant, [Roles.Assessor])))
        {
            record = (await a.Sender.Send(new RecordOnSiteAssessmentCommand(application, today.AddDays(-38), [expertA, assessorC], "钱女儿", "女儿",
                "IMG_0001.jpg", items))).AssessmentId;
            await a.Sender.Send(new ConfirmConclusionCommand(record, today.AddDays(-37)));
        }

        // the visit as if made before the city's figures were set: the fee is dated by it
        await host.QueryAsOwnerAsync<Guid>("update assessment_records set assessed_on = date '2023-09-14' where id = @id returning id", ("id", record));
        await using (var b = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("id-pexpb." + n, "pexpb." + n, tenant, [Roles.Assessor])))
        {
            var concluded = await b.Sender.Send(new ConfirmConclusionCommand(record, today.AddDays(-37)));
            Assert.True(concluded.Concluded, concluded.Message);
            Assert.False(concluded.FeePosted);
            Assert.Contains("评估费未记账", concluded.FeeMessage, StringComparison.Ordinal);
        }

        await host.QueryAsOwnerAsync<Guid>(
            "update assessment_applications set concluded_on = date '2023-09-15', publicity_from = null, publicity_to = null where id = @id returning id",
            ("id", application));

        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;

        // 评估 queue: the reminder of a conclusion whose figure is unset shows the refusal instead of dates
        await ui.OpenAsync("/assessments");
        var reminder = page.Locator("[data-testid=assess-reminder]", new() { HasTextString = name });
        await reminder.WaitForAsync();
        var unresolved = await reminder.Locator("[data-testid=assess-reminder-unresolved]").InnerTextAsync();
        Assert.Contains("缺少参数", unresolved, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        // the application: fee not posted (posting it now is refused with the reason), publicity not yet started
        await ui.OpenAsync($"/assessments/{application}");
        await page.Locator("[data-testid=assess-publicity-form]").WaitForAsync();
        Assert.Equal("未记账", (await page.InnerTextAsync("[data-testid=assess-fee-status]")).Trim());
        var preview = await page.InnerTextAsync("[data-testid=assess-publicity-preview]");
        Assert.Matches(@"至 \d{4}-\d{2}-\d{2} 止", preview);
        await ui.AssertAccessibleAsync();

        await page.ClickAsync("[data-testid=assess-fee-post]");
        Assert.Contains("assessmentFee", await page.Locator("[data-testid=assess-refusal]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("未记账", (await page.InnerTextAsync("[data-testid=assess-fee-status]")).Trim());

        await page.ClickAsync("[data-testid=assess-publicity-start]");
        await page.Locator("[data-testid=assess-objection-form]").WaitForAsync();
        var notice = await page.InnerTextAsync("[data-testid=assess-notice]");
        Assert.Contains("公示", notice, StringComparison.Ordinal);
        var publicity = await page.InnerTextAsync("[data-testid=assess-publicity]");
        Assert.StartsWith(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), publicity.Trim(), StringComparison.Ordinal);
        Assert.Contains(preview[(preview.IndexOf("至 ", StringComparison.Ordinal) + 2)..][..10], publicity, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=assess-publicity-form]").CountAsync());

        // an objection without a reason is refused and changes nothing; with one it opens the 复评
        await page.ClickAsync("[data-testid=assess-objection-submit]");
        Assert.Contains("异议理由", await page.Locator("[data-testid=assess-refusal]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=assess-objection]").CountAsync());
        await page.FillAsync("#assess-objection-reason", "家属认为评估偏重");
        await page.ClickAsync("[data-testid=assess-objection-submit]");
        await page.Locator("[data-testid=assess-objection]", new() { HasTextString = "家属认为评估偏重" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=assess-objection-form]").CountAsync());
        await ui.AssertAccessibleAsync();

        await page.ClickAsync("[data-testid=assess-review-link]");
        await page.Locator("[data-testid=assess-status-name]", new() { HasTextString = "已受理" }).WaitForAsync();
        Assert.Contains("/assessments/", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(application.ToString(), page.Url, StringComparison.Ordinal);
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
