using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Ledger;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Browser;

/// <summary>Person records a clerk maintains (issue #11, item 1), in the browser.</summary>
[Collection(WebCollection.Name)]
public sealed class PersonRecordsBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task A_clerk_corrects_a_persons_insurance_type_and_sees_the_enrolment_history_change()
    {
        // A Jining resident of this test's own, enrolled from 2029 (a year no other test bills).
        var personId = await AddEnrolledResidentAsync("浏览更正" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var ui = await UiSession.SignInAsync(host, "clerk.jining");
        var page = ui.Page;
        await ui.OpenAsync($"/people/{personId}");
        var enrollments = page.Locator("[data-testid=enrollments]");
        await enrollments.WaitForAsync();
        Assert.Single(await enrollments.Locator("tbody tr").AllInnerTextsAsync());

        // 更正资料 → 变更医保类型与就业状态: the resident becomes an employee from 2029-07-01; Jining's pilot covers residents only.
        await page.ClickAsync("[data-testid=action-correct]");
        await page.ClickAsync("[data-testid=action-change-insurance]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await page.ChooseAsync("action-medical", "职工医保");
        await page.ChooseAsync("action-employment", "在职");
        await page.GetByLabel("生效日期").FillAsync("2029-07-01");
        await page.Keyboard.PressAsync("Tab");
        await ui.AssertAccessibleAsync();
        await page.ClickAsync("[data-testid=action-submit]");
        await page.Locator(".mud-snackbar").GetByText("JN 一").First.WaitForAsync();
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        // The enrolment history now ends the day before, and the new type is shown.
        await enrollments.GetByText("2029-06-30").WaitForAsync();
        Assert.Contains("职工医保", await page.InnerTextAsync("[data-testid=person-identity]"), StringComparison.Ordinal);
        Assert.Equal("2029-06-30", await host.QueryAsOwnerAsync<string>(
            "select to_char(end_date, 'YYYY-MM-DD') from enrollment_periods where person_id = @id", ("id", personId)));

        // 变更记录: who changed what, before and after, and what it did to the enrolment.
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "变更记录" }).ClickAsync();
        var history = page.Locator("[data-testid=person-history]");
        await history.WaitForAsync();
        var medical = history.Locator("[data-testid=history-row][data-field=medical_insurance]");
        var row = await medical.InnerTextAsync();
        Assert.Contains("城乡居民基本医疗保险", row, StringComparison.Ordinal);
        Assert.Contains("职工基本医疗保险", row, StringComparison.Ordinal);
        Assert.Contains("clerk.jining", row, StringComparison.Ordinal);
        Assert.Contains("employee_not_in_resident_pilot", await history.Locator("[data-testid=history-row][data-field=enrollment]").InnerTextAsync(), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("clerk-person-history.png");
    }

    private async Task<Guid> AddEnrolledResidentAsync(string name)
    {
        var id = Guid.CreateVersion7();
        for (var attempt = 0; ; attempt++)
        {
            var number = IdNumber.Create("370811", new DateOnly(1952, 6, 7), Random.Shared.Next(100, 999)).Value;
            try
            {
                await host.QueryAsOwnerAsync<Guid>(
                    """
                    insert into insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                    values ('jining', @id, @number, @name, 'female', date '1952-06-07', '370811', 'resident', 'not_employed', now())
                    returning id
                    """,
                    ("id", id), ("number", number), ("name", name));
                break;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "23505" && attempt < 5)
            {
                // That ID number is taken in the demo register: draw another.
            }
        }

        return await host.QueryAsOwnerAsync<Guid>(
            """
            insert into enrollment_periods (tenant_id, id, person_id, scheme, start_date, end_date, monthly_base)
            values ('jining', gen_random_uuid(), @id, 'resident', date '2029-01-01', null, null)
            returning person_id
            """,
            ("id", id));
    }
}
