using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Reports;

/// <summary>
/// An auditor's dashboards and reports in the browser: a figure's chart toggled to its table, its Excel download, and a
/// monthly report opened as PDF. 济宁's demo books (2026) get no new entries in the web tests.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ReportsBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Auditor_toggles_a_dashboard_figure_to_its_table_downloads_it_and_opens_a_report_pdf()
    {
        await using var ui = await UiSession.SignInAsync(host, "auditor.jining");
        var page = ui.Page;

        await page.ClickAsync("#ltc-nav a[href='/dashboards']");
        await page.WaitForURLAsync(url => url.EndsWith("/dashboards", StringComparison.Ordinal));
        await ui.OpenAsync("/dashboards?year=2026");
        await ui.WaitForCircuitAsync();
        await page.Locator("[data-testid=figure-fund-chart]").WaitForAsync();
        Assert.Contains("2026年基金收支及结余", await page.InnerTextAsync("[data-testid=figure-fund]"), StringComparison.Ordinal);

        await page.ClickAsync("[data-testid=figure-fund-toggle]");
        await page.Locator("[data-testid=figure-fund-table]").WaitForAsync();
        Assert.Equal(12, await page.Locator("[data-testid=figure-fund-table-row]").CountAsync());
        Assert.Contains("2026-01", await page.InnerTextAsync("[data-testid=figure-fund-table]"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=figure-fund-xlsx]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));

        await ui.OpenAsync("/reports");
        await ui.WaitForCircuitAsync();
        await page.Locator("[data-testid=report-title]").WaitForAsync();
        var href = await page.Locator("[data-testid=report-pdf]").GetAttributeAsync("href");
        Assert.StartsWith("/reports/statistics/fundmonthly.pdf?", href, StringComparison.Ordinal);
        var pdf = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4));
    }

    [Fact]
    public async Task A_care_institution_cannot_download_the_citys_figures()
    {
        await using var ui = await UiSession.SignInAsync(host, "institution.shishi");
        var response = await ui.Page.APIRequest.GetAsync("/reports/figures/fund.xlsx?year=2026", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, response.Status);
    }
}
