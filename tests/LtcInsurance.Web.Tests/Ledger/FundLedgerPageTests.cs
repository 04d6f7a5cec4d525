using System.Net;
using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

[Collection(WebCollection.Name)]
public sealed partial class FundLedgerPageTests(LtcWebHost host)
{
    // Zhenjiang's demo year: the real demo bills and payments (DemoContributions) and the benefit side scaled to them
    // (LedgerDemoData). The figures are read from the books, not fixed here.
    private Task<decimal> SumAsync(string sql, params (string, object)[] parameters) => host.QueryAsOwnerAsync<decimal>(sql, parameters);

    [Fact]
    public async Task Overview_shows_the_trial_balance_of_the_demo_books_with_debits_equal_to_credits()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync("/ledger");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("基金账簿", html, StringComparison.Ordinal);
        Assert.Contains("试算平衡表", html, StringComparison.Ordinal);
        var debits = LedgerBooks.Amount(LedgerBooks.TestIdText(html, "tb-total-debits"));
        var credits = LedgerBooks.Amount(LedgerBooks.TestIdText(html, "tb-total-credits"));
        Assert.True(debits > 0m);
        Assert.Equal(debits, credits);
        Assert.Equal(await host.TotalAsync("zhenjiang", "D"), debits);
        Assert.Contains("data-testid=\"tb-balanced\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trial_balance_through_a_month_leaves_out_later_months()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        var html = await client.GetStringAsync("/ledger?through=2026-01");

        // January: the bills (dated 1 January), the payments and transfers of January, the first claim and assessment
        // fee; the claim is paid on 10 February, so its payment belongs to February.
        var january = await SumAsync(
            "select coalesce(sum(p.amount), 0) from journal_postings p join journal_entries e on e.tenant_id = p.tenant_id " +
            "and e.sequence = p.sequence where p.tenant_id = 'zhenjiang' and p.side = 'D' and e.period <= '2026-01'");
        Assert.True(january > 0m);
        Assert.Equal(january, LedgerBooks.Amount(LedgerBooks.TestIdText(html, "tb-total-debits")));
        Assert.Equal(january, LedgerBooks.Amount(LedgerBooks.TestIdText(html, "tb-total-credits")));
        Assert.Contains("截至 2026-01 期末", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_visit_verifies_the_untampered_demo_chain()
    {
        // 济宁's books get no new entries in these tests (石狮's do: a verification cached earlier would be shown stale).
        using var client = await SignedInAsync("auditor.jining");

        var html = await client.GetStringAsync("/ledger");

        Assert.Contains("校验通过", LedgerBooks.TestIdText(html, "verify-result"), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\+8\)$", LedgerBooks.TestIdText(html, "verify-time"));
    }

    [Fact]
    public async Task A_platform_admin_acting_in_no_city_is_asked_to_choose_one()
    {
        using var client = await SignedInAsync("admin");

        var html = await client.GetStringAsync("/ledger");

        Assert.Contains("data-testid=\"ledger-no-tenant\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"trial-balance\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_fees_are_measured_against_Jinings_two_percent_guideline()
    {
        using var client = await SignedInAsync("auditor.jining");

        var html = await client.GetStringAsync("/ledger");

        // JN 六: 2 % of the year's funding (25 + 5 yuan for each billed person); the demo's agency fees stay under it.
        var usage = LedgerBooks.TestIdText(html, "fee-usage");
        var funding = await SumAsync("select coalesce(sum(total), 0) from contribution_bills where tenant_id = 'jining' and period = '2026'");
        Assert.Contains($"上限 {decimal.Round(funding * 0.02m, 2, MidpointRounding.AwayFromZero).ToString("N2", System.Globalization.CultureInfo.InvariantCulture)}", usage, StringComparison.Ordinal);
        Assert.Contains("JN 六", html, StringComparison.Ordinal);
        Assert.Contains("mud-progress-linear", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"fee-exceeded\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_without_a_ceiling_in_its_documents_shows_it_as_not_set()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        var html = await client.GetStringAsync("/ledger");

        Assert.Contains("未设定", LedgerBooks.TestIdText(html, "fee-ceiling-unset"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"fee-usage\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ledger", "账簿概览")]
    [InlineData("/ledger/journal", "记账凭证")]
    [InlineData("/ledger/income", "收支情况")]
    [InlineData("/ledger/regions", "分地区结余")]
    [InlineData("/ledger/accounts/1001", "明细账")]
    public async Task Auditor_opens_every_ledger_page_in_Chinese(string path, string heading)
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"<h1[^>]*>[^<]*{heading}", html);
    }

    [Theory]
    [InlineData("/ledger")]
    [InlineData("/ledger/journal")]
    [InlineData("/ledger/entries/1")]
    [InlineData("/ledger/accounts/1001")]
    [InlineData("/ledger/income")]
    [InlineData("/ledger/regions")]
    [InlineData("/ledger/export/trial-balance.csv")]
    [InlineData("/ledger/export/accounts/1001.xlsx")]
    public async Task A_clerk_is_denied_the_fund_ledger(string path)
    {
        using var client = await SignedInAsync("clerk.zhenjiang");

        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location?.AbsolutePath);
        using var denied = await client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task A_city_admin_may_view_the_ledger_too()
    {
        using var client = await SignedInAsync("admin.shishi");

        using var response = await client.GetAsync("/ledger/journal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Income_and_expenditure_gives_the_year_total_of_the_demo_books()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        var html = await client.GetStringAsync("/ledger/income?year=2026");

        // Income: the year's bills. Expense: claims (the duplicate and its reversal cancel), assessment and agency fees,
        // scaled to what was received, so the year ends with a surplus.
        var billed = await SumAsync("select coalesce(sum(total), 0) from contribution_bills where tenant_id = 'zhenjiang' and period = '2026'");
        var income = LedgerBooks.Amount(LedgerBooks.TestIdText(html, "income-year-income"));
        var expense = LedgerBooks.Amount(LedgerBooks.TestIdText(html, "income-year-expense"));
        Assert.Equal(billed, income);
        Assert.InRange(expense, 0.01m, income);
        Assert.Equal(income - expense, LedgerBooks.Amount(LedgerBooks.TestIdText(html, "income-year-surplus")));
        Assert.Contains("2026-12", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jinings_balances_are_shown_per_pilot_county()
    {
        using var client = await SignedInAsync("auditor.jining");

        var html = await client.GetStringAsync("/ledger/regions");

        Assert.Contains("任城区", html, StringComparison.Ordinal);
        Assert.Contains("汶上县", html, StringComparison.Ordinal);
        Assert.Equal(7, RegionRow().Count(html)); // city level and six counties
        // Each county by its name, its code beside it; the totals hold assets = liabilities + fund balance.
        Assert.Equal("任城区", LedgerBooks.TestIdText(html, "region-name"));
        Assert.Equal(
            LedgerBooks.Amount(LedgerBooks.TestIdText(html, "regions-total-assets")),
            LedgerBooks.Amount(LedgerBooks.TestIdText(html, "regions-total-liabilities")) + LedgerBooks.Amount(LedgerBooks.TestIdText(html, "regions-total-fund")));
    }

    [Fact]
    public async Task Account_statement_runs_a_balance_to_the_closing_balance()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        var html = await client.GetStringAsync("/ledger/accounts/5301");

        Assert.Contains("经办服务费支出", html, StringComparison.Ordinal);
        // Three quarterly agency fees of the same amount (a share of the year's receipts).
        var quarter = await SumAsync(
            "select p.amount from journal_postings p join journal_entries e on e.tenant_id = p.tenant_id and e.sequence = p.sequence " +
            "where p.tenant_id = 'zhenjiang' and e.idempotency_key = 'demo:agency-2026-Q1' and p.side = 'D'");
        Assert.Equal(3 * quarter, LedgerBooks.Amount(LedgerBooks.TestIdText(html, "statement-closing")));
        var fromApril = await client.GetStringAsync("/ledger/accounts/5301?from=2026-04&to=2026-06");
        Assert.Equal(quarter, LedgerBooks.Amount(LedgerBooks.TestIdText(fromApril, "statement-opening")));
        Assert.Equal(2 * quarter, LedgerBooks.Amount(LedgerBooks.TestIdText(fromApril, "statement-closing")));
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        // Jining's county sub-accounts exist only in Jining's chart.
        using var response = await client.GetAsync("/ledger/accounts/1001%40370811");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"statement-table\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }

    [GeneratedRegex("data-testid=\"region-row\"")]
    private static partial Regex RegionRow();
}
