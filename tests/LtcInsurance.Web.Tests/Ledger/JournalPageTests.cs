using System.Net;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

[Collection(WebCollection.Name)]
public sealed class JournalPageTests(LtcWebHost host)
{
    [Fact]
    public async Task A_search_text_beyond_the_limit_is_refused_in_Chinese_not_a_500()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync("/ledger/journal?q=" + new string('x', 201));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Judged by the use case's validator while the page is first rendered: no grid, the reason in Chinese.
        Assert.Contains("搜索文字不超过 200 个字", LedgerBooks.TestIdText(html, "journal-refused"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"journal-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entry_shows_postings_hashes_source_and_links_a_reversal_both_ways()
    {
        var (reversal, original) = await host.ReversalAsync("zhenjiang");
        using var client = await SignedInAsync("auditor.zhenjiang");

        var reversing = await client.GetStringAsync($"/ledger/entries/{reversal}");
        var reversed = await client.GetStringAsync($"/ledger/entries/{original}");

        Assert.Matches($"<h1[^>]*>第 {reversal} 号凭证", reversing);
        Assert.Equal(await host.HashAsync("zhenjiang", reversal), LedgerBooks.TestIdText(reversing, "entry-hash"));
        Assert.Equal(await host.HashAsync("zhenjiang", reversal - 1), LedgerBooks.TestIdText(reversing, "entry-previous-hash"));
        Assert.Equal($"/ledger/entries/{original}", LedgerBooks.TestIdAttribute(reversing, "entry-reverses", "href"));
        Assert.Equal($"/ledger/entries/{reversal}", LedgerBooks.TestIdAttribute(reversed, "entry-reversed-by", "href"));
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
        using var client = await SignedInAsync("auditor.jining");

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
}
