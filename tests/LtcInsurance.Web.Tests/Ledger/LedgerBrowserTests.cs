using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>
/// The fund ledger as an auditor uses it in the browser: the overview with its verification, the journal grid (filters,
/// paging and order in the address), an entry, and each report with figures that balance; axe on every page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LedgerBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Overview_balances_and_verify_now_reports_the_intact_chain()
    {
        // 济宁's books get no new entries in these tests, so its verification stays current.
        await using var ui = await UiSession.SignInAsync(host, "auditor.jining");
        var page = ui.Page;

        await page.ClickAsync("#ltc-nav a[href='/ledger']");
        await page.WaitForURLAsync(url => url.EndsWith("/ledger", StringComparison.Ordinal));
        await page.Locator("[data-testid=trial-balance]").WaitForAsync();
        Assert.Contains("账簿概览", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        var trail = await page.InnerTextAsync(".mud-breadcrumbs");
        Assert.Contains("工作台", trail, StringComparison.Ordinal);
        Assert.Contains("基金账簿", trail, StringComparison.Ordinal);
        var debits = await page.AmountAsync("[data-testid=tb-total-debits]");
        Assert.True(debits > 0m);
        Assert.Equal(debits, await page.AmountAsync("[data-testid=tb-total-credits]"));
        Assert.Equal(await host.TotalAsync("jining", "D"), debits);
        Assert.True(await page.IsVisibleAsync("[data-testid=tb-balanced]"));
        Assert.True(await page.IsVisibleAsync("[data-testid=fee-usage]"));

        await ui.AssertAccessibleAsync();

        // The books are shared: the count verified lies between the books' counts before and after.
        var before = await host.EntryCountAsync("jining");
        await page.ClickAsync("[data-testid=verify-now]");
        var verified = System.Text.RegularExpressions.Regex.Match(await page.SnackbarAsync(), @"(\d+) 笔分录");
        Assert.True(verified.Success, "the snackbar names the entries verified");
        Assert.InRange(long.Parse(verified.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), before, await host.EntryCountAsync("jining"));
        Assert.Contains("校验通过", await page.InnerTextAsync("[data-testid=verify-result]"), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\+8\)$", (await page.InnerTextAsync("[data-testid=verify-time]")).Trim());
        await ui.ScreenshotAsync("auditor-ledger.png");
    }

    [Fact]
    public async Task Verify_now_names_the_first_entry_an_insider_rewrote()
    {
        // Yuzhong's books are used by no other ledger spec for this; the original text is put back (and re-verified) at the end.
        const string tenant = "yuzhong";
        var original = await host.DescriptionAsync(tenant, 5);
        await using var ui = await UiSession.SignInAsync(host, "auditor." + tenant);
        var page = ui.Page;
        await ui.OpenAsync("/ledger");

        await page.ClickAsync("[data-testid=verify-now]");
        await page.Locator("[data-testid=verify-result][data-status=passed]").WaitForAsync();
        await host.RewriteDescriptionAsync(tenant, 5, original + "（已改）");
        try
        {
            await page.ClickAsync("[data-testid=verify-now]");
            await page.Locator("[data-testid=verify-result][data-status=failed]").WaitForAsync();
            Assert.Contains("第 5 号凭证", await page.SnackbarAsync(), StringComparison.Ordinal);
            var result = await page.InnerTextAsync("[data-testid=verify-result]");
            Assert.Contains("校验未通过", result, StringComparison.Ordinal);
            Assert.Contains("哈希不符", result, StringComparison.Ordinal);
            Assert.Equal("5", (await page.InnerTextAsync("[data-testid=verify-bad-entry]")).Trim());
        }
        finally
        {
            await host.RewriteDescriptionAsync(tenant, 5, original);
        }
        await page.ClickAsync("[data-testid=verify-now]");
        await page.Locator("[data-testid=verify-result][data-status=passed]").WaitForAsync();
    }

    [Fact]
    public async Task Journal_pages_sorts_and_filters_on_the_server_and_keeps_it_all_in_the_address()
    {
        // The whole journal is shared (another test's billing job may still be booking entries): the page's total is
        // checked against the books' counts before and after, and later pages against the total they show.
        var before = (int)await host.EntryCountAsync("zhenjiang");
        Assert.True(before > 20, "the demo books (bills, payments and the benefit side) should span more than one page");
        await using var ui = await UiSession.SignInAsync(host, "auditor.zhenjiang");
        var page = ui.Page;

        await ui.OpenAsync("/ledger/journal");
        var (count, first) = await page.JournalPageAsync();
        Assert.InRange(count, before, (int)await host.EntryCountAsync("zhenjiang"));
        Assert.Equal(20, first.Count);
        Assert.Equal(count, first[0]); // newest first
        Assert.Contains($"共 {count} 张凭证", await page.InnerTextAsync("[data-testid=journal-total]"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();

        // The pager asks the server for the next page; the address says which.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "下一页" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/ledger/journal?page=2", StringComparison.Ordinal));
        var (next, nextRows) = await page.JournalPageAsync(2);
        Assert.Equal(next - 20, nextRows[0]);

        // Ordered by amount on the server, the order in the address.
        await ui.OpenAsync("/ledger/journal");
        await page.JournalPageAsync();
        await page.Locator("th", new PageLocatorOptions { HasTextString = "金额" }).Locator(".sortable-column-header").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=amount", StringComparison.Ordinal));
        var amounts = new List<decimal>();
        Assert.True(await LedgerUi.EventuallyAsync(async () =>
        {
            amounts = [.. (await page.Locator("[data-testid=journal-amount]").AllInnerTextsAsync()).Select(t => LedgerBooks.Amount(t.Trim()))];
            return amounts.Count == 20
                   && amounts.SequenceEqual(page.Url.Contains("dir=asc", StringComparison.Ordinal) ? amounts.Order() : amounts.OrderDescending());
        }), "amounts in the order the address names: " + string.Join(", ", amounts));

        // Typing a search narrows the grid and writes the filter into the address.
        await ui.OpenAsync("/ledger/journal");
        await page.JournalPageAsync();
        await page.FillAsync("#journal-q", "claim-2026-05-duplicate");
        await page.WaitForURLAsync(url => url.Contains("q=claim-2026-05-duplicate", StringComparison.Ordinal));
        Assert.Equal(2, (await page.JournalShowsAsync(2)).Count); // the mistaken claim and its reversal

        // Filters from a shared address: ten assessment fees and three agency fees; from the agency fee's amount (a larger share
        // of the receipts than the assessment fee) only the agency fees. The demo's amounts are read from the books.
        async Task<int> CountAsync(string sql) => (int)await host.QueryAsOwnerAsync<long>(sql);
        var fees = await CountAsync("select count(*) from journal_entries where tenant_id = 'zhenjiang' and source_type = 'fee'");
        var agency = (await host.QueryAsOwnerAsync<decimal>(
            "select p.amount from journal_postings p join journal_entries e on e.tenant_id = p.tenant_id and e.sequence = p.sequence " +
            "where p.tenant_id = 'zhenjiang' and e.idempotency_key = 'demo:agency-2026-Q1' and p.side = 'D'"))
            .ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        await ui.OpenAsync("/ledger/journal?source=Fee");
        await page.JournalShowsAsync(fees);
        await page.FillAsync("#journal-min", agency);
        await page.PressAsync("#journal-min", "Tab");
        await page.WaitForURLAsync(url => url.Contains("source=Fee", StringComparison.Ordinal) && url.Contains("min=", StringComparison.Ordinal));
        // the three agency fees, and any assessment fee an earlier test's conclusion posted at the full demo fee
        var large = await CountAsync(
            "select count(*) from journal_entries e where e.tenant_id = 'zhenjiang' and e.source_type = 'fee' and (select sum(p.amount) " +
            "from journal_postings p where p.tenant_id = e.tenant_id and p.sequence = e.sequence and p.side = 'D') >= " + agency);
        Assert.True(large >= 3, $"{large} fees from the agency fee's amount up");
        await page.JournalShowsAsync(large);
        Assert.StartsWith("/ledger/export/journal.csv?source=Fee&min=", await page.GetAttributeAsync("[data-testid=journal-export-csv]", "href"), StringComparison.Ordinal);
        await ui.ScreenshotAsync("auditor-journal.png");

        var march = await CountAsync("select count(*) from journal_entries where tenant_id = 'zhenjiang' and period = '2026-03'");
        var marchDays = await CountAsync(
            "select count(*) from journal_entries where tenant_id = 'zhenjiang' and business_date between date '2026-03-01' and date '2026-03-31'");
        foreach (var (address, expected) in new[] { ("period=2026-03", march), ("from=2026-03-01&to=2026-03-31", marchDays), ("account=5301", 3) })
        {
            await ui.OpenAsync("/ledger/journal?" + address);
            await page.JournalShowsAsync(expected);
        }

        // A row opens its entry.
        var shown = await page.JournalShowsAsync(3);
        await page.Locator("[data-testid=journal-table] tbody tr").First.Locator("td").Nth(3).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/ledger/entries/{shown[0]}", StringComparison.Ordinal));
        await page.Locator($"h1:has-text('第 {shown[0]} 号凭证')").WaitForAsync();

        // The address is shareable: opened afresh it shows the same page, its first load already that page (the address
        // is not rewritten to the first page), and the pager says so.
        await ui.OpenAsync("/ledger/journal?page=2");
        var (now, second) = await page.JournalPageAsync(2);
        Assert.Equal(now - 20, second[0]);
        Assert.Equal(Math.Max(now - 39, 1), second[^1]);
        Assert.EndsWith("/ledger/journal?page=2", page.Url, StringComparison.Ordinal);
        Assert.True(await LedgerUi.EventuallyAsync(async () =>
            (await page.InnerTextAsync("[data-testid=journal-table]")).Contains($"第 21–{Math.Min(now, 40)} 条", StringComparison.Ordinal)), "the pager on page 2");

        // So is an order with a page: the second page by amount, smallest first, continues the first.
        await ui.OpenAsync("/ledger/journal?sort=amount&dir=asc");
        await page.JournalPageAsync();
        var cheaper = await AmountsAsync(page);
        await ui.OpenAsync("/ledger/journal?page=2&sort=amount&dir=asc");
        await page.JournalPageAsync(2);
        var dearer = await AmountsAsync(page);
        Assert.Equal(cheaper.Order(), cheaper);
        Assert.Equal(dearer.Order(), dearer);
        Assert.True(cheaper[^1] <= dearer[0], $"page 2 starts at {dearer[0]}, page 1 ends at {cheaper[^1]}");
        Assert.EndsWith("/ledger/journal?page=2&sort=amount&dir=asc", page.Url, StringComparison.Ordinal);

        // And a filter: a page beyond the fees' one page shows their one page, and the address says so.
        // (the demo's ten assessment and three agency fees, and any fee posted by an earlier test's conclusion: one page)
        Assert.True(fees <= 20, $"{fees} fees do not fit one page");
        await ui.OpenAsync("/ledger/journal?source=Fee&page=2");
        await page.JournalShowsAsync(fees);
        await page.WaitForURLAsync(url => url.EndsWith("/ledger/journal?source=Fee", StringComparison.Ordinal));
    }

    private static async Task<List<decimal>> AmountsAsync(IPage page) =>
        [.. (await page.Locator("[data-testid=journal-amount]").AllInnerTextsAsync()).Select(t => LedgerBooks.Amount(t.Trim()))];

    [Fact]
    public async Task An_entry_balances_and_links_its_reversal()
    {
        var (reversal, original) = await host.ReversalAsync("zhenjiang");
        await using var ui = await UiSession.SignInAsync(host, "auditor.zhenjiang");
        var page = ui.Page;

        await ui.OpenAsync($"/ledger/entries/{original}");
        await page.ClickAsync("[data-testid=entry-reversed-by]");
        await page.WaitForURLAsync(url => url.EndsWith($"/ledger/entries/{reversal}", StringComparison.Ordinal));
        await page.Locator($"h1:has-text('第 {reversal} 号凭证')").WaitForAsync();
        Assert.Contains("记账凭证", await page.InnerTextAsync(".mud-breadcrumbs"), StringComparison.Ordinal);
        Assert.Equal(880m, await page.AmountAsync("[data-testid=entry-total-debits]"));
        Assert.Equal(880m, await page.AmountAsync("[data-testid=entry-total-credits]"));
        Assert.Equal(await host.HashAsync("zhenjiang", reversal), (await page.InnerTextAsync("[data-testid=entry-hash]")).Trim());
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("auditor-entry.png");
    }

    [Fact]
    public async Task Income_and_expenditure_adds_up_beside_its_monthly_chart()
    {
        await using var ui = await UiSession.SignInAsync(host, "auditor.zhenjiang");
        var page = ui.Page;

        await ui.OpenAsync("/ledger/income?year=2026");
        await page.Locator("[data-testid=income-chart] svg").First.WaitForAsync();
        var rows = await page.Locator("[data-testid=income-row]").AllAsync();
        Assert.Equal(12, rows.Count);
        decimal income = 0m, expense = 0m;
        foreach (var row in rows)
        {
            income += await row.Locator("td").Nth(1).AmountAsync();
            expense += await row.Locator("td").Nth(2).AmountAsync();
        }
        // The year's income is what the demo billed (DemoContributions).
        Assert.Equal(await host.QueryAsOwnerAsync<decimal>(
            "select coalesce(sum(total), 0) from contribution_bills where tenant_id = 'zhenjiang' and period = '2026'"),
            await page.AmountAsync("[data-testid=income-year-income]"));
        Assert.Equal(income, await page.AmountAsync("[data-testid=income-year-income]"));
        Assert.Equal(expense, await page.AmountAsync("[data-testid=income-year-expense]"));
        Assert.Equal(income - expense, await page.AmountAsync("[data-testid=income-year-surplus]"));
        Assert.Equal("/ledger/export/income.csv?year=2026", await page.GetAttributeAsync("[data-testid=income-export-csv]", "href"));
        await ui.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Region_balances_name_each_county_and_every_row_balances()
    {
        await using var ui = await UiSession.SignInAsync(host, "auditor.jining");
        var page = ui.Page;

        await ui.OpenAsync("/ledger/regions");
        await page.Locator("[data-testid=region-row]").Nth(6).WaitForAsync();
        var rows = await page.Locator("[data-testid=region-row]").AllAsync();
        Assert.Equal(7, rows.Count);
        Assert.Contains("任城区", await page.InnerTextAsync("[data-testid=regions-table]"), StringComparison.Ordinal);
        foreach (var row in rows)
        {
            var assets = await row.Locator("[data-col=assets]").AmountAsync();
            var liabilities = await row.Locator("[data-col=liabilities]").AmountAsync();
            var fund = await row.Locator("[data-col=fund]").AmountAsync();
            Assert.Equal(assets, liabilities + fund);
        }
        Assert.Equal(await page.AmountAsync("[data-testid=regions-total-assets]"),
            await page.AmountAsync("[data-testid=regions-total-liabilities]") + await page.AmountAsync("[data-testid=regions-total-fund]"));
        await ui.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_account_statement_runs_from_its_opening_to_its_closing_balance()
    {
        await using var ui = await UiSession.SignInAsync(host, "auditor.zhenjiang");
        var page = ui.Page;

        await ui.OpenAsync("/ledger/accounts/5301?from=2026-04&to=2026-12");
        var opening = await page.AmountAsync("[data-testid=statement-opening]");
        var debits = await page.AmountAsync("[data-testid=statement-debits]");
        var credits = await page.AmountAsync("[data-testid=statement-credits]");
        var closing = await page.AmountAsync("[data-testid=statement-closing]");
        Assert.Equal("debit", await page.GetAttributeAsync("[data-testid=statement-closing]", "data-normal-side"));
        // Three equal quarterly agency fees (LedgerDemoData): one before April, three by the year's end.
        var quarter = await host.QueryAsOwnerAsync<decimal>(
            "select p.amount from journal_postings p join journal_entries e on e.tenant_id = p.tenant_id and e.sequence = p.sequence " +
            "where p.tenant_id = 'zhenjiang' and e.idempotency_key = 'demo:agency-2026-Q1' and p.side = 'D'");
        Assert.Equal(quarter, opening);
        Assert.Equal(opening + debits - credits, closing);
        Assert.Equal(3 * quarter, closing);
        Assert.Equal("/ledger/export/accounts/5301.csv?from=2026-04&to=2026-12", await page.GetAttributeAsync("[data-testid=statement-export-csv]", "href"));
        await ui.AssertAccessibleAsync();
    }
}
