using LtcInsurance.Application.Assessment.DecideAcceptance;
using LtcInsurance.Application.Assessment.RegisterApplication;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Assessments;

/// <summary>
/// Issue #12 item 5 on the page: an accepted application's 受理通知书 waits in the print queue, opens as a PDF, and once marked
/// printed leaves the queue; the queue passes axe.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class NoticeQueueBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task A_clerk_opens_an_acceptance_notice_from_the_print_queue_and_marks_it_printed()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var n = Guid.NewGuid().ToString("N")[..8];
        var name = "钱打印" + n[..4];
        var personId = await AddPersonAsync(TenantIds.Zhenjiang, name);
        await using (var clerk = OperatorUseCases.For(host.AppConnectionString, TenantIds.Zhenjiang))
        {
            await clerk.Sender.Send(new EnrolCommand(new PersonId(personId), new DateOnly(2024, 1, 1)));
            var application = (await clerk.Sender.Send(new RegisterApplicationCommand(new PersonId(personId), ApplicantKinds.Person, name,
                today.AddDays(-2), [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords], new DateOnly(2025, 1, 1)))).ApplicationId;
            Assert.Equal(AcceptanceDecision.Accept, (await clerk.Sender.Send(new DecideAcceptanceCommand(application, today.AddDays(-1)))).Outcome);
        }

        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;
        var response = await ui.OpenAsync("/assessments/notices");
        Assert.True(response is { Status: 200 }, $"HTTP {response?.Status}");
        var row = page.Locator("[data-testid=notice-row]", new() { HasTextString = name });
        await row.WaitForAsync();
        Assert.Contains("受理通知书", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("待打印", (await row.Locator("[data-testid=notice-state]").InnerTextAsync()).Trim());

        var href = await row.Locator("[data-testid=notice-open]").GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4));
        await ui.AssertAccessibleAsync();

        await row.Locator("[data-testid=notice-printed]").ClickAsync();
        await page.Locator("[data-testid=notices-done]", new() { HasTextString = "已登记打印受理通知书" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=notice-row]", new() { HasTextString = name }).CountAsync());
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null, new() { Timeout = 15000 });
        await ui.AssertAccessibleAsync();
    }

    private async Task<Guid> AddPersonAsync(string tenant, string name)
    {
        var id = Guid.CreateVersion7();
        for (var attempt = 0; ; attempt++)
        {
            var number = IdNumber.Create("321102", new DateOnly(1945, 5, 5), Random.Shared.Next(100, 999)).Value;
            try
            {
                return await host.QueryAsOwnerAsync<Guid>(
                    """
                    insert into insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                    values (@tenant, @id, @number, @name, 'female', date '1945-05-05', '321102', 'employee', 'retired', now())
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
