using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Register;

/// <summary>
/// Small register files for the web tests, and the upload as a script or a browser without JavaScript sends it (the
/// scriptless multipart post; the page itself uploads through its circuit). The people are born in the 1920s: the
/// demo register starts in 1930, so an imported ID number never updates a demo person.
/// </summary>
public static partial class RegisterFiles
{
    public const string Header = "身份证号码,姓名,性别,出生日期,联系电话,所在地区,医保类型,就业状态,人员类别,参保日期";

    /// <summary>A valid row (GB 11643 check character computed), optionally enrolled from <paramref name="enrolledFrom"/> with person categories.</summary>
    public static string Row(string region, int year, int sequence, string name, string insurance = "居民", string? enrolledFrom = null,
        string categories = "") =>
        string.Join(',',
            IdNumber.Create(region, new DateOnly(year, 3, 1), sequence).Value, name, "", "", "", region, insurance, "", categories, enrolledFrom ?? "");

    public static string IdOf(string region, int year, int sequence) => IdNumber.Create(region, new DateOnly(year, 3, 1), sequence).Value;

    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>
    /// Posts the file to the scriptless upload (the antiforgery token from the page's own forms); returns the job id
    /// the redirect names.
    /// </summary>
    public static async Task<Guid> UploadAsync(HttpClient client, string fileName, string content)
    {
        var page = await client.GetStringAsync("/register/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        using var response = await client.PostAsync("/register/import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? "";
        var match = JobInLocation().Match(location);
        Assert.True(match.Success, $"expected a redirect to the job, got {location}");
        var job = Guid.Parse(match.Groups[1].Value);
        await WaitForImportAsync(client, job);
        return job;
    }

    /// <summary>
    /// The upload answers at once with the queued import; its background job (the app's worker) stages and applies it.
    /// Waits (bounded) until the page shows the import ended.
    /// </summary>
    public static async Task WaitForImportAsync(HttpClient client, Guid job)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var html = await client.GetStringAsync($"/register/import?job={job}");
            if (EndedImport().IsMatch(html))
                return;
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"the import {job} did not end within 90 s");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex("data-testid=\"import-job\" data-status=\"(completed|failed|cancelled)\"")]
    private static partial Regex EndedImport();

    /// <summary>The text of the element with the given data-testid (first one) when it holds text only.</summary>
    public static string TestIdText(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"no element {testId}");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    public static int TestIdNumber(string html, string testId) =>
        int.Parse(TestIdText(html, testId), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex("^/register/import\\?job=([0-9a-f-]{36})$")]
    private static partial Regex JobInLocation();
}
