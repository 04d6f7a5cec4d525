using LtcInsurance.Domain.Tenants;
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
        var today = AssessmentSetup.Today();
        var n = Guid.NewGuid().ToString("N")[..8];
        var name = "钱打印" + n[..4];
        var (personId, _) = await AssessmentSetup.AddPersonAsync(host, TenantIds.Zhenjiang, name, new DateOnly(1945, 5, 5));
        await AssessmentSetup.AcceptedApplicationAsync(host, TenantIds.Zhenjiang, personId, name, today.AddDays(-2), today.AddDays(-1));

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
}
