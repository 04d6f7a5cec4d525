using System.IO.Compression;
using System.Net;
using System.Text;
using LtcInsurance.Application.Security;
using LtcInsurance.Web.Tests.Api;
using LtcInsurance.Web.Tests.Claims;

namespace LtcInsurance.Web.Tests.Settlements;

/// <summary>
/// Issue #13 item 7: a claim's provider statement (结算单) downloads as a PDF and as an xlsx for its own institution and for
/// the city's clerks; another institution gets a 404 (as if the claim did not exist), no one signed in gets nothing; the
/// claim template downloads in both formats.
/// </summary>
[Collection(ClaimsApiCollection.Name)]
public sealed class StatementDownloadTests(ClaimsHost host)
{
    [Fact]
    public async Task The_institution_downloads_its_statement_as_pdf_and_xlsx_and_another_institution_is_refused()
    {
        var provider = await host.ProviderAsync();
        var stranger = await host.ProviderAsync();
        var claim = await host.SubmitClaimAsync(provider, 2);
        using var own = await host.SignedInClientAsync(Roles.Institution, provider.Code);
        using var other = await host.SignedInClientAsync(Roles.Institution, stranger.Code);

        using var pdf = await own.GetAsync($"/claims/{claim.ClaimId}/statement.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdfBytes, 0, 5), StringComparison.Ordinal);
        Assert.Contains("%%EOF", Encoding.ASCII.GetString(pdfBytes[^32..]), StringComparison.Ordinal);

        using var xlsx = await own.GetAsync($"/claims/{claim.ClaimId}/statement.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = await SheetTextAsync(xlsx);
        Assert.Contains(provider.CareItem, sheet, StringComparison.Ordinal);
        Assert.Contains(provider.BedItem, sheet, StringComparison.Ordinal);
        Assert.Contains("合计", sheet, StringComparison.Ordinal);

        using var refusedPdf = await other.GetAsync($"/claims/{claim.ClaimId}/statement.pdf");
        Assert.Equal(HttpStatusCode.NotFound, refusedPdf.StatusCode);
        using var refusedXlsx = await other.GetAsync($"/claims/{claim.ClaimId}/statement.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, refusedXlsx.StatusCode);
        using var unknown = await own.GetAsync($"/claims/{Guid.NewGuid()}/statement.pdf");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badFormat = await own.GetAsync($"/claims/{claim.ClaimId}/statement.docx");
        Assert.Equal(HttpStatusCode.NotFound, badFormat.StatusCode);
    }

    [Fact]
    public async Task A_clerk_downloads_any_statement_of_the_city_and_no_one_signed_out_does()
    {
        var provider = await host.ProviderAsync();
        var claim = await host.SubmitClaimAsync(provider, 1);
        using var clerk = await host.SignedInClientAsync(Roles.Clerk);

        using var pdf = await clerk.GetAsync($"/claims/{claim.ClaimId}/statement.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.ServerAddress };
        using var refused = await anonymous.GetAsync($"/claims/{claim.ClaimId}/statement.pdf");
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"gave {(int)refused.StatusCode}");
    }

    [Fact]
    public async Task The_claim_template_downloads_as_xlsx_and_csv_with_the_header()
    {
        var provider = await host.ProviderAsync();
        using var own = await host.SignedInClientAsync(Roles.Institution, provider.Code);

        using var csv = await own.GetAsync("/claims/template.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("服务对象身份证号/id_number", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var xlsx = await own.GetAsync("/claims/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains("项目编码/item_code", await SheetTextAsync(xlsx), StringComparison.Ordinal);
    }

    /// <summary>Every XML part of an xlsx (shared strings and sheets) as one text: a real zip, or this throws.</summary>
    private static async Task<string> SheetTextAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}
