using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>
/// "Why this amount" with the law beside it (issue #10 item 5): a trace step of a calculation and a parameter of the
/// explorer open the text of the clause they cite, as written out in docs/policies/sources.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LawTextBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Yulin_auditor_reads_the_clause_text_of_a_trace_step_and_of_a_parameter()
    {
        await using var ui = await UiSession.SignInAsync(host, "auditor.yulin", new ViewportSize { Width = 1400, Height = 900 });
        var page = ui.Page;
        await ui.OpenAsync("/policies");

        // the eligibility example: an employee of 450902 in 2027, insured under the employee scheme
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "参保资格", Exact = true }).ClickAsync();
        await page.ClickAsync("[data-testid=run-eligibility]");
        var trace = page.Locator("[data-testid=calc-result-eligibility] [data-testid=calc-trace]");
        await trace.WaitForAsync();

        // the scheme-in-force step cites YL 文末: its text is closed until asked for
        var step = trace.Locator("[data-testid=trace-row]").Filter(new LocatorFilterOptions { HasText = "YL 文末" }).First;
        var toggle = step.Locator("[data-testid=law-toggle]");
        var text = step.Locator("[data-testid=law-text]");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.False(await text.IsVisibleAsync());
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(text).ToBeVisibleAsync();
        Assert.Equal(await toggle.GetAttributeAsync("aria-controls"), await text.GetAttributeAsync("id"));
        Assert.Contains("本方案自2027年 1月 1日起施行", await text.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("YL 文末", await text.Locator("[data-testid=law-clause-id]").First.InnerTextAsync(), StringComparison.Ordinal);

        // the insured-population step cites YL 二(一): who is insured, in the document's words
        var insured = trace.Locator("[data-testid=trace-row]").Filter(new LocatorFilterOptions { HasText = "参保范围" }).First;
        await insured.Locator("[data-testid=law-toggle]").ClickAsync();
        await Assertions.Expect(insured.Locator("[data-testid=law-text]")).ToContainTextAsync("玉林市职工基本医疗保险参保人员，在参加我市基本医疗保险的同时参加职工长护险");
        await ui.AssertAccessibleAsync();

        // closing hides it again
        await toggle.ClickAsync();
        await Assertions.Expect(text).ToBeHiddenAsync();

        // the parameter explorer: the employer rate's clause on demand, with the document's figure
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "政策参数", Exact = true }).ClickAsync();
        var row = page.Locator("tr[data-parameter=employerRate]");
        await row.Locator("[data-testid=law-toggle]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=law-text]")).ToContainTextAsync("缴费比例为0.3%（用人单位和参保人员各分担0.15%）");
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("policy-law-text.png");
    }
}
