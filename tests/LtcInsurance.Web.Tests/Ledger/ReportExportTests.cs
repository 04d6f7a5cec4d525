using System.Globalization;
using System.Net;
using System.Text;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>Every ledger report downloads as CSV and Excel; the CSV files add up like the books.</summary>
[Collection(WebCollection.Name)]
public sealed class ReportExportTests(LtcWebHost host)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Journal_csv_lists_every_posting_and_its_debits_equal_its_credits_and_the_books()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync("/ledger/export/journal.csv");
        var rows = await CsvRowsAsync(response);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("序时账.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var total = rows[^1];
        Assert.Equal("合计/total", total[0]);
        Assert.Equal(total[11], total[12]);
        Assert.Equal(await host.TotalAsync("zhenjiang", "D"), Amount(total[11]));
        Assert.Equal(await host.QueryAsOwnerAsync<long>("select count(*) from journal_postings where tenant_id = 'zhenjiang'"),
            rows.Count - 2);
    }

    [Fact]
    public async Task Journal_export_keeps_the_pages_filters()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");
        var page = await client.GetStringAsync("/ledger/journal?source=fee");
        // The page writes the filter in its one form (the type by name), and the export link carries it.
        Assert.Contains("href=\"/ledger/export/journal.csv?source=Fee\"", page, StringComparison.Ordinal);

        using var response = await client.GetAsync("/ledger/export/journal.csv?source=fee");
        var rows = await CsvRowsAsync(response);

        var postings = rows.Skip(1).SkipLast(1).ToList();
        Assert.NotEmpty(postings);
        Assert.All(postings, r => Assert.Equal("费用/fee", r[5]));
        var total = rows[^1];
        Assert.Equal(total[11], total[12]);
        Assert.Equal(postings.Sum(r => Amount(r[11])), Amount(total[11]));
        // Ten monthly assessment fees and three quarterly agency fees (LedgerDemoData), as the books hold them.
        Assert.Equal(await host.QueryAsOwnerAsync<decimal>(
            "select coalesce(sum(p.amount), 0) from journal_postings p join journal_entries e on e.tenant_id = p.tenant_id " +
            "and e.sequence = p.sequence where p.tenant_id = 'zhenjiang' and e.source_type = 'fee' and p.side = 'D'"), Amount(total[11]));
    }

    [Fact]
    public async Task Journal_xlsx_is_a_spreadsheet()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync("/ledger/export/journal.xlsx?period=2026-03");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task Income_and_expenditure_csv_has_twelve_months_that_add_up_to_the_year()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");
        var page = await client.GetStringAsync("/ledger/income?year=2026");
        Assert.Contains("href=\"/ledger/export/income.xlsx?year=2026\"", page, StringComparison.Ordinal);

        using var response = await client.GetAsync("/ledger/export/income.csv?year=2026");
        var rows = await CsvRowsAsync(response);

        Assert.Equal("收支情况表_2026.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var months = rows.Skip(1).SkipLast(1).ToList();
        Assert.Equal(12, months.Count);
        var year = rows[^1];
        Assert.Equal("合计/total 2026", year[0]);
        // The year's income is what the demo billed; its spending is scaled to what was received (DemoContributions, LedgerDemoData).
        Assert.Equal(await host.QueryAsOwnerAsync<decimal>(
            "select coalesce(sum(total), 0) from contribution_bills where tenant_id = 'zhenjiang' and period = '2026'"), Amount(year[1]));
        Assert.InRange(Amount(year[2]), 0.01m, Amount(year[1]));
        Assert.Equal(months.Sum(m => Amount(m[1])), Amount(year[1]));
        Assert.Equal(months.Sum(m => Amount(m[2])), Amount(year[2]));
        Assert.All(rows.Skip(1), r => Assert.Equal(Amount(r[1]) - Amount(r[2]), Amount(r[3])));
    }

    [Fact]
    public async Task Region_balances_csv_balances_in_every_county_of_Jining()
    {
        using var client = await SignedInAsync("auditor.jining");
        var page = await client.GetStringAsync("/ledger/regions?through=2026-06");
        Assert.Contains("href=\"/ledger/export/regions.csv?through=2026-06\"", page, StringComparison.Ordinal);

        using var response = await client.GetAsync("/ledger/export/regions.csv");
        var rows = await CsvRowsAsync(response);
        using var xlsx = await client.GetAsync("/ledger/export/regions.xlsx?through=2026-06");

        Assert.Equal("分地区基金结余.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var regions = rows.Skip(1).SkipLast(1).ToList();
        Assert.Equal(7, regions.Count); // city level and six counties
        Assert.Contains(regions, r => r[1] == "汶上县");
        // Assets = liabilities + fund balance, in each region and for the city as a whole.
        Assert.All(rows.Skip(1), r => Assert.Equal(Amount(r[2]), Amount(r[3]) + Amount(r[7])));
        Assert.Equal(regions.Sum(r => Amount(r[7])), Amount(rows[^1][7]));
        Assert.Equal(Xlsx, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("分地区基金结余_2026-06.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("/ledger/export/journal.pdf")]
    [InlineData("/ledger/export/income.txt")]
    [InlineData("/ledger/export/regions.json")]
    public async Task Unknown_formats_are_not_found(string path)
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_clerk_may_not_export_the_journal()
    {
        using var client = await SignedInAsync("clerk.zhenjiang");

        using var response = await client.GetAsync("/ledger/export/journal.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The rows of a CSV download (quoted fields with commas or quotes inside are read as one field).</summary>
    private static async Task<List<string[]>> CsvRowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
                field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }
}
