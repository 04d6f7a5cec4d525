using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>
/// The calculator, one form per question, computing worked cases of the repository's case tables
/// (tests/LtcInsurance.Domain.Tests/Cases) and showing amounts and traces in Chinese.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class PolicyCalculatorBrowserTests(LtcWebHost host)
{
    [GeneratedRegex("[a-z][a-zA-Z]+")]
    private static partial Regex English();

    [Fact]
    public async Task Jining_clerk_computes_a_contribution_and_a_settlement_from_the_case_tables()
    {
        // TEST VALUE: the notice names only the year 2022, so Jining's in-force date ships unset (issue 10 item 3)
        await new ParameterAdmins(host.AppConnectionString, LtcInsurance.Domain.Tenants.TenantIds.Jining)
            .SetAsync("schemeStart", "2022-01-01", new DateOnly(2022, 1, 1));
        await using var ui = await UiSession.SignInAsync(host, "clerk.jining", new ViewportSize { Width = 1400, Height = 900 });
        var page = ui.Page;
        await ui.OpenAsync("/policies");
        Assert.Contains("济宁", await page.InnerTextAsync("[data-testid=policy-scheme]"), StringComparison.Ordinal);

        // ind-contribution-jining-005: a resident of 370811, period 2022: 30 yuan, nothing due from the person
        await OpenTabAsync(page, "缴费");
        var form = page.Locator("[data-testid=form-contribution]");
        await TypeDateAsync(form, "出生日期", "1946-08-08");
        await form.GetByLabel("行政区划代码").FillAsync("370811");
        await ChooseAsync(page, form, "医保类型", "城乡居民基本医疗保险");
        await ChooseAsync(page, form, "就业状态", "无工作单位");
        await form.GetByLabel("缴费期").FillAsync("2022");
        await page.ClickAsync("[data-testid=run-contribution]");
        await page.Locator("[data-testid=calc-result-contribution] [data-testid=calc-total]").WaitForAsync();
        Assert.Equal("30.00 元", (await page.InnerTextAsync("[data-testid=calc-result-contribution] [data-testid=calc-total]")).Trim());
        Assert.Equal("0.00 元", (await page.InnerTextAsync("[data-testid=calc-result-contribution] [data-testid=calc-individual-due]")).Trim());
        await AssertTraceAsync(page, "contribution");
        await ui.AssertAccessibleAsync();

        // ind-settlement-jining-039: home medical care, five visits of 120 yuan: the fund pays 70% = 420
        await OpenTabAsync(page, "待遇结算");
        form = page.Locator("[data-testid=form-settlement]");
        await TypeDateAsync(form, "结算月份", "2023-06");
        await TypeDateAsync(form, "待遇起始日", "2022-03-01");
        await ChooseAsync(page, form, "服务方式", "居家医疗护理");
        await ChooseAsync(page, form, "失能等级", "3 级");
        await ChooseAsync(page, form, "定点医疗机构级别", "3 级医疗机构");
        var removes = form.Locator("[data-testid=line-remove]");
        for (var count = await removes.CountAsync(); count > 0; count--)
        {
            // each removal re-renders the grid: wait for it before the next click
            await removes.First.ClickAsync();
            await Assertions.Expect(removes).ToHaveCountAsync(count - 1);
        }

        await page.ClickAsync("[data-testid=line-add]");
        await TypeDateAsync(form, "第 1 行服务日期", "2023-06-02");
        await ChooseAsync(page, form, "第 1 行费用类别", "医疗护理");
        await form.GetByLabel("第 1 行项目编码").FillAsync("N03");
        await form.GetByLabel("第 1 行金额（元）").FillAsync("120");
        await form.GetByLabel("第 1 行金额（元）").PressAsync("Tab");
        foreach (var (row, date) in new[] { (2, "2023-06-09"), (3, "2023-06-16"), (4, "2023-06-23"), (5, "2023-06-30") })
        {
            await page.ClickAsync("[data-testid=line-add]");
            await TypeDateAsync(form, $"第 {row} 行服务日期", date);
        }

        Assert.Equal(5, await form.Locator("[data-testid=line-number]").CountAsync());
        await page.ClickAsync("[data-testid=run-settlement]");
        var result = page.Locator("[data-testid=calc-result-settlement]");
        await result.Locator("[data-testid=calc-fund-pays]").WaitForAsync();
        Assert.Equal("600.00 元", (await result.Locator("[data-testid=calc-billed]").InnerTextAsync()).Trim());
        Assert.Equal("420.00 元", (await result.Locator("[data-testid=calc-fund-pays]").InnerTextAsync()).Trim());
        Assert.Equal("180.00 元", (await result.Locator("[data-testid=calc-individual-pays]").InnerTextAsync()).Trim());
        var trace = await AssertTraceAsync(page, "settlement");
        Assert.Contains("JN 三(二)", trace, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        await result.ScreenshotAsync(new LocatorScreenshotOptions { Path = Chromium.ScreenshotPath("policy-explorer-trace.png") });
        await ui.ScreenshotAsync("policy-calculator.png");
    }

    [Fact]
    public async Task Zhenjiang_auditor_scores_an_assessment_and_finds_the_start_of_entitlement()
    {
        await using var ui = await UiSession.SignInAsync(host, "auditor.zhenjiang", new ViewportSize { Width = 1400, Height = 900 });
        var page = ui.Page;
        await ui.OpenAsync("/policies");

        // ind-assessment-zhenjiang-021: ADL 40 (severe), cognition and perception intact: level 3, entitled to benefits
        await OpenTabAsync(page, "失能评估");
        var form = page.Locator("[data-testid=form-assessment]");
        var scores = new (string Label, int Score)[]
        {
            ("进食", 0), ("洗澡", 0), ("面部与口腔清洁", 0), ("穿衣", 5), ("大便控制", 5), ("小便控制", 5), ("用厕", 0), ("床椅转移", 10),
            ("平地行走", 5), ("上下楼", 10), ("时间定向", 4), ("人物定向", 4), ("空间定向", 4), ("记忆力", 4), ("视力", 4), ("听力", 4), ("沟通能力", 4),
        };
        foreach (var (label, score) in scores)
            await ChooseAsync(page, form, label, $"{score} 分");
        Assert.Equal("40", (await form.Locator("[data-testid=assessment-total-adl]").InnerTextAsync()).Trim());
        await page.ClickAsync("[data-testid=run-assessment]");
        var result = page.Locator("[data-testid=calc-result-assessment]");
        await result.Locator("[data-testid=calc-level]").WaitForAsync();
        Assert.StartsWith("3", (await result.Locator("[data-testid=calc-level]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("是", (await result.Locator("[data-testid=calc-eligible-for-benefit]").InnerTextAsync()).Trim());
        var trace = await AssertTraceAsync(page, "assessment");
        Assert.Contains("重度", trace, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        // ind-entitlement-zhenjiang-015: benefits start the day after the conclusion
        await OpenTabAsync(page, "待遇资格");
        form = page.Locator("[data-testid=form-entitlement]");
        await TypeDateAsync(form, "参保起始日期（可选）", "2023-10-01");
        await TypeDateAsync(form, "评估结论日期", "2024-02-29");
        await TypeDateAsync(form, "公示期满日期（可选）", "2024-03-07");
        await TypeDateAsync(form, "开始服务日期（可选）", "2024-03-15");
        await page.ClickAsync("[data-testid=run-entitlement]");
        result = page.Locator("[data-testid=calc-result-entitlement]");
        await result.Locator("[data-testid=calc-entitled-from]").WaitForAsync();
        Assert.Equal("2024-03-01", (await result.Locator("[data-testid=calc-entitled-from]").InnerTextAsync()).Trim());
        await AssertTraceAsync(page, "entitlement");
        await ui.AssertAccessibleAsync();

        // the parameter tables: a figure the document leaves to local rules is marked unset
        await OpenTabAsync(page, "政策参数");
        var row = page.Locator("tr[data-parameter=employeeIndividualShare]");
        Assert.Contains("ZJ 二(三)", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("未设定", await row.InnerTextAsync(), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("policy-explorer-parameters.png");
    }

    [Fact]
    public async Task Zhenjiang_institution_sees_eligibility_a_refusal_invalid_input_and_the_JSON_view()
    {
        await using var ui = await UiSession.SignInAsync(host, "institution.zhenjiang", new ViewportSize { Width = 1400, Height = 900 });
        var page = ui.Page;
        await ui.OpenAsync("/policies");

        // eligibility-zhenjiang-001 is the example: an employee of 321102 is insured under the employee scheme
        await OpenTabAsync(page, "参保资格");
        var form = page.Locator("[data-testid=form-eligibility]");
        await page.ClickAsync("[data-testid=run-eligibility]");
        var result = page.Locator("[data-testid=calc-result-eligibility]");
        await result.Locator("[data-testid=calc-eligible]").WaitForAsync();
        Assert.Equal("属于参保范围", (await result.Locator("[data-testid=calc-eligible]").InnerTextAsync()).Trim());
        Assert.Contains("职工", await result.Locator("[data-testid=calc-scheme]").InnerTextAsync(), StringComparison.Ordinal);
        await AssertTraceAsync(page, "eligibility");
        await ui.AssertAccessibleAsync();

        // invalid input: the region code is required
        await form.GetByLabel("行政区划代码").FillAsync("");
        await page.ClickAsync("[data-testid=run-eligibility]");
        await page.Locator("[data-testid=problems-eligibility]").WaitForAsync();
        Assert.Contains("请填写行政区划代码", await page.InnerTextAsync("[data-testid=problems-eligibility]"), StringComparison.Ordinal);

        // The settlement refusal for a figure left to local rules (ind-error-settlement-zhenjiang-027) is no longer reachable
        // here: the demo data sets Zhenjiang's payment levels as 演示值. It is covered without demo data by the integration
        // tests of the parameter store (settlement refused before approval, computed after).

        // the JSON view: the contract's case, computed, with the contract's JSON result
        await OpenTabAsync(page, "JSON（专家）");
        await ChooseAsync(page, page.Locator("body"), "案例类型", "参保资格");
        await page.ClickAsync("[data-testid=run-json]");
        await page.Locator("[data-testid=json-result]").WaitForAsync();
        var json = await page.InnerTextAsync("[data-testid=json-result]");
        Assert.Contains("\"eligible\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"scheme\": \"employee\"", json, StringComparison.Ordinal);
        await AssertTraceAsync(page, "json");
        await ui.AssertAccessibleAsync();

        // the use case's validator refuses a date that is not YYYY-MM-DD
        await page.GetByLabel("计算日期（YYYY-MM-DD）").FillAsync("30/04/2024");
        await page.ClickAsync("[data-testid=run-json]");
        await page.Locator("[data-testid=json-problems]").WaitForAsync();
        Assert.Contains("须为 YYYY-MM-DD", await page.InnerTextAsync("[data-testid=json-problems]"), StringComparison.Ordinal);
    }

    private static async Task OpenTabAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = name, Exact = true }).ClickAsync();
        await page.WaitForTimeoutAsync(200);
    }

    /// <summary>Opens a MudSelect by its label (inside <paramref name="scope"/>) and picks an option by its text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator scope, string label, string option)
    {
        var select = scope.Locator(".mud-select").Filter(new LocatorFilterOptions { Has = page.Locator($"label:text-is('{label}')") }).First;
        await select.Locator(".mud-input-control").ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^\\s*" + Regex.Escape(option) + "\\s*$") }).First;
        await item.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }

    /// <summary>Types a date into an editable MudDatePicker found by its label.</summary>
    private static async Task TypeDateAsync(ILocator scope, string label, string text)
    {
        var input = scope.GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        await input.PressAsync("Escape");
    }

    /// <summary>The trace of one result: rows numbered by their position, no English identifier in its text.</summary>
    private static async Task<string> AssertTraceAsync(IPage page, string kind)
    {
        var trace = page.Locator($"[data-testid=calc-result-{kind}] [data-testid=calc-trace]");
        var numbers = await trace.Locator("[data-testid=trace-number]").AllInnerTextsAsync();
        Assert.NotEmpty(numbers);
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), numbers.Select(n => n.Trim()));
        var text = await trace.InnerTextAsync();
        var english = English().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(english.Count == 0, $"English in the {kind} trace: {string.Join(", ", english)}");
        return text;
    }
}
