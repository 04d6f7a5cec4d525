using System.Net;
using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

[Collection(WebCollection.Name)]
public sealed partial class JournalPageTests(LtcWebHost host)
{
    [Fact]
    public async Task Journal_lists_the_newest_entries_first_twenty_to_a_page_each_linking_to_its_entry()
    {
        var count = await host.EntryCountAsync("zhenjiang");
        Assert.True(count > 20, "the demo books should span two pages");
        using var client = await SignedInAsync("auditor.zhenjiang");

        var first = await client.GetStringAsync("/ledger/journal");
        var second = await client.GetStringAsync("/ledger/journal?page=2");

        Assert.Equal(20, EntryLink().Count(first));
        Assert.Equal((int)count - 20, EntryLink().Count(second));
        Assert.Contains($"href=\"/ledger/entries/{count}\"", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/ledger/entries/1\"", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/ledger/journal?page=2\" hx-get=\"/ledger/journal/table?page=2\"", first, StringComparison.Ordinal);
        Assert.Contains($"共 {count} 张凭证", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_filters_by_source_type_and_text_without_JavaScript()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        var fees = await client.GetStringAsync("/ledger/journal?source=Fee");
        var agency = await client.GetStringAsync("/ledger/journal?source=Fee&q=" + Uri.EscapeDataString("经办"));
        var byReference = await client.GetStringAsync("/ledger/journal?q=claim-2026-05-duplicate");

        // Ten monthly assessment fees and three quarterly agency fees.
        Assert.Contains("共 13 张凭证", fees, StringComparison.Ordinal);
        Assert.Contains("共 3 张凭证", agency, StringComparison.Ordinal);
        // The mistaken claim and its reversal, which keeps the original's source reference.
        Assert.Contains("共 2 张凭证", byReference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_text_beyond_the_limit_is_refused_in_Chinese_not_a_500()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync("/ledger/journal?q=" + new string('x', 201));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("搜索文字不超过 200 个字", LedgerBooks.TestIdText(html, "journal-refused"), StringComparison.Ordinal);
        Assert.Contains("共 0 张凭证", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_filters_by_period_date_range_and_account()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        var march = await client.GetStringAsync("/ledger/journal?period=2026-03");
        var dates = await client.GetStringAsync("/ledger/journal?from=2026-03-01&to=2026-03-31");
        var agencyAccount = await client.GetStringAsync("/ledger/journal?account=5301");

        // March: the February payment (10 March), the claim, the assessment fee and the first quarter's agency fee.
        Assert.Contains("共 4 张凭证", march, StringComparison.Ordinal);
        Assert.Contains("共 4 张凭证", dates, StringComparison.Ordinal);
        Assert.Contains("共 3 张凭证", agencyAccount, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_fragment_is_swapped_by_htmx_and_keeps_the_filters_in_the_address()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync("/ledger/journal/table?source=Fee&page=1");
        var fragment = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"journal-table\">", fragment.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Equal("/ledger/journal?source=Fee&page=1", response.Headers.GetValues("HX-Replace-Url").Single());
    }

    [Fact]
    public async Task Entry_shows_postings_hashes_source_and_links_a_reversal_both_ways()
    {
        var (reversal, original) = await host.ReversalAsync("zhenjiang");
        using var client = await SignedInAsync("auditor.zhenjiang");

        var reversing = await client.GetStringAsync($"/ledger/entries/{reversal}");
        var reversed = await client.GetStringAsync($"/ledger/entries/{original}");

        Assert.Contains($"第 {reversal} 号凭证", LedgerBooks.TestIdText(reversing, "entry-title"), StringComparison.Ordinal);
        Assert.Equal(await host.HashAsync("zhenjiang", reversal), LedgerBooks.TestIdText(reversing, "entry-hash"));
        Assert.Equal(await host.HashAsync("zhenjiang", reversal - 1), LedgerBooks.TestIdText(reversing, "entry-previous-hash"));
        Assert.Contains($"href=\"/ledger/entries/{original}\" data-testid=\"entry-reverses\"", reversing, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ledger/entries/{reversal}\" data-testid=\"entry-reversed-by\"", reversed, StringComparison.Ordinal);
        Assert.Equal("demo:claim-2026-05-duplicate", LedgerBooks.TestIdText(reversed, "entry-idempotency-key"));
        Assert.Equal("CLAIM-2026-05-DUPLICATE", LedgerBooks.TestIdText(reversed, "entry-source-reference"));
        Assert.Contains("应付护理服务机构款", reversed, StringComparison.Ordinal);
        Assert.Equal("880.00", LedgerBooks.TestIdText(reversed, "entry-total-debits"));
        Assert.Equal("880.00", LedgerBooks.TestIdText(reversed, "entry-total-credits"));
        // No source carries a calculation trace yet: the page says so and points at the document.
        Assert.Contains("CLAIM-2026-05-DUPLICATE", LedgerBooks.TestIdText(reversed, "entry-no-trace"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_entry_chains_to_the_genesis_hash()
    {
        using var client = await SignedInAsync("auditor.shishi");

        var html = await client.GetStringAsync("/ledger/entries/1");

        Assert.StartsWith(new string('0', 64), LedgerBooks.TestIdText(html, "entry-previous-hash"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_number_shows_the_auditors_own_citys_entry_only()
    {
        var own = await host.HashAsync("zhenjiang", 1);
        var jining = await host.HashAsync("jining", 1);
        Assert.NotEqual(own, jining);
        using var client = await SignedInAsync("auditor.zhenjiang");

        var html = await client.GetStringAsync("/ledger/entries/1");

        Assert.Equal(own, LedgerBooks.TestIdText(html, "entry-hash"));
        Assert.DoesNotContain(jining, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_number_that_only_another_city_has_is_not_found()
    {
        // Yulin's scheme starts in 2027: its books have a chart but no entries.
        var zhenjiangFirst = await host.HashAsync("zhenjiang", 1);
        using var client = await SignedInAsync("auditor.yulin");

        using var response = await client.GetAsync("/ledger/entries/1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.DoesNotContain(zhenjiangFirst, html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }

    [GeneratedRegex("data-testid=\"entry-link\"")]
    private static partial Regex EntryLink();
}
