using System.Globalization;
using System.Net;
using System.Text;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

[Collection(WebCollection.Name)]
public sealed class LedgerExportTests(LtcWebHost host)
{
    [Fact]
    public async Task Trial_balance_csv_downloads_under_a_Chinese_name_and_its_totals_balance()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync("/ledger/export/trial-balance.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("试算平衡表.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // BOM, so that Excel reads the Chinese
        var total = Encoding.UTF8.GetString(bytes).TrimEnd().Split('\n')[^1].TrimEnd('\r').Split(',');
        Assert.Equal("合计/total", total[0]);
        Assert.Equal(total[4], total[5]);
        Assert.Equal(await host.TotalAsync("zhenjiang", "D"), decimal.Parse(total[4], CultureInfo.InvariantCulture));
        Assert.Equal("0.00", total[6]);
    }

    [Fact]
    public async Task Trial_balance_xlsx_is_a_spreadsheet_named_with_its_period()
    {
        using var client = await SignedInAsync("auditor.jining");

        using var response = await client.GetAsync("/ledger/export/trial-balance.xlsx?through=2026-06");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("试算平衡表_2026-06.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]); // a zip package
    }

    [Fact]
    public async Task Account_statement_exports_as_csv_and_xlsx_ending_at_the_closing_balance()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var csv = await client.GetAsync("/ledger/export/accounts/5301.csv");
        using var xlsx = await client.GetAsync("/ledger/export/accounts/5301.xlsx?from=2026-04&to=2026-06");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("明细账_5301_经办服务费支出.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        var last = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split('\n')[^1].TrimEnd('\r').Split(',');
        Assert.Equal("期末余额/closing balance", last[3]);
        // the demo's agency fees are scaled to the city's real receipts: a positive closing balance in yuan and fen
        Assert.Matches(@"^[1-9][0-9]*\.[0-9]{2}$", last[6]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("明细账_5301_经办服务费支出_2026-04至2026-06.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("/ledger/export/trial-balance.pdf")]
    [InlineData("/ledger/export/accounts/9999.csv")]
    [InlineData("/ledger/export/accounts/1001%40370811.csv")] // Jining's county account, asked for by Zhenjiang
    public async Task Unknown_formats_and_accounts_are_not_found(string path)
    {
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }
}
