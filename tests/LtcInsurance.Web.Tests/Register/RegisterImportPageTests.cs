using System.Net;
using System.Text;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Register;

/// <summary>
/// What of the import is still HTTP: the scriptless upload (multipart post, antiforgery token), the page it comes back
/// to (prerendered with the job), the error report download, access by role, the people export. 渝中 (single district
/// 500103): no other web test counts its register; the browser tests import there with sequences of their own.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RegisterImportPageTests(LtcWebHost host)
{
    private const string Region = "500103";

    [Fact]
    public async Task Scriptless_upload_comes_back_to_the_page_with_the_counts_and_a_second_upload_applies_nothing_new()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yuzhong");
        var good1 = RegisterFiles.Row(Region, 1921, 11, "页测甲");
        var good2 = RegisterFiles.Row(Region, 1921, 12, "页测乙");
        var badCheck = RegisterFiles.IdOf(Region, 1921, 13)[..17] + "Z" + ",页测丙,,,,500103,居民,,,";
        var file = RegisterFiles.Csv(good1, good2, badCheck);

        var first = await RegisterFiles.UploadAsync(client, "yuzhong-page.csv", file);
        var html = await client.GetStringAsync($"/register/import?job={first}");

        Assert.Contains("data-status=\"completed\"", html, StringComparison.Ordinal);
        Assert.Equal(3, RegisterFiles.TestIdNumber(html, "job-rows"));
        Assert.Equal(2, RegisterFiles.TestIdNumber(html, "job-valid"));
        Assert.Equal(2, RegisterFiles.TestIdNumber(html, "job-applied"));
        Assert.Equal(1, RegisterFiles.TestIdNumber(html, "job-errors"));
        Assert.Contains($"/register/import/jobs/{first}/errors.csv", html, StringComparison.Ordinal);

        var again = await RegisterFiles.UploadAsync(client, "yuzhong-page.csv", file);
        var second = await client.GetStringAsync($"/register/import?job={again}");

        Assert.NotEqual(first, again);
        Assert.Equal(0, RegisterFiles.TestIdNumber(second, "job-applied"));
        Assert.Contains("data-testid=\"job-nothing-new\"", second, StringComparison.Ordinal);
        Assert.Contains("没有写入新内容", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_htmx_progress_fragment_is_gone_and_an_unknown_job_in_the_address_is_said_so()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yuzhong");

        using var fragment = await client.GetAsync($"/register/import/jobs/{Guid.NewGuid()}/progress");
        var page = await client.GetStringAsync($"/register/import?job={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, fragment.StatusCode);
        Assert.Contains("data-testid=\"job-not-found\"", page, StringComparison.Ordinal);
        Assert.Contains("导入任务不存在", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hx-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_report_is_a_Chinese_csv_naming_row_column_and_message()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yuzhong");
        var file = RegisterFiles.Csv(
            RegisterFiles.Row(Region, 1922, 21, "报告甲"),
            RegisterFiles.Row("110101", 1922, 22, "报告乙")); // a Beijing district: outside Yuzhong's area

        var job = await RegisterFiles.UploadAsync(client, "yuzhong-report.csv", file);
        using var response = await client.GetAsync($"/register/import/jobs/{job}/errors.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("行号,列,错误信息", lines[0]);
        Assert.Single(lines[1..]);
        Assert.StartsWith("3,所在地区,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_neither_csv_nor_xlsx_is_refused_with_a_message()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yuzhong");
        var page = await client.GetStringAsync("/register/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("hello"u8.ToArray()), "file", "register.txt" },
        };

        using var response = await client.PostAsync("/register/import", form);
        var shown = await client.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("data-testid=\"upload-problem\"", shown, StringComparison.Ordinal);
        Assert.Contains("只能导入 CSV 或 XLSX 文件", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_admin_who_has_not_chosen_a_city_is_asked_to_choose_one_before_importing()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "admin");
        var page = await client.GetStringAsync("/register/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(RegisterFiles.Csv(RegisterFiles.Row(Region, 1922, 51, "无城市")))), "file", "x.csv" },
        };

        using var response = await client.PostAsync("/register/import", form);
        var shown = await client.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("data-testid=\"upload-problem\"", shown, StringComparison.Ordinal);
        Assert.Contains("请先在右上角选择要管理的城市", shown, StringComparison.Ordinal);
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>("select count(*) from insured_people where name = '无城市'"));
    }

    [Fact]
    public async Task The_error_report_of_an_unknown_job_is_not_found()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yuzhong");

        using var unknown = await client.GetAsync($"/register/import/jobs/{Guid.NewGuid()}/errors.csv");
        using var empty = await client.GetAsync($"/register/import/jobs/{Guid.Empty}/errors.csv");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, empty.StatusCode));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yuzhong");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(RegisterFiles.Csv(RegisterFiles.Row(Region, 1922, 31, "无令牌")))), "file", "x.csv" },
        };

        using var response = await client.PostAsync("/register/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from insured_people where tenant_id = 'yuzhong' and name = '无令牌'"));
    }

    [Theory]
    [InlineData("clerk.yuzhong", "/register/import")]
    [InlineData("admin.yuzhong", "/register/import")]
    [InlineData("clerk.yuzhong", "/billing")]
    [InlineData("clerk.yuzhong", "/billing/bills?period=2026")]
    public async Task Clerk_and_admin_open_the_register_and_billing_pages(string user, string path)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, user);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("auditor.yuzhong", "/register/import")]
    [InlineData("institution.yuzhong", "/register/import")]
    [InlineData("auditor.yuzhong", "/billing")]
    [InlineData("institution.yuzhong", "/billing")]
    [InlineData("auditor.yuzhong", "/billing/bills?period=2026")]
    [InlineData("auditor.yuzhong", "/people/export.csv")]
    [InlineData("institution.yuzhong", "/billing/arrears/export.xlsx")]
    public async Task Auditor_and_institution_users_are_denied(string user, string path)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, user);

        using var response = await client.GetAsync(path);

        // Pages and endpoints alike send a signed-in user without the role to the access-denied page.
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path} gave {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Equal("/account/denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task People_list_exports_as_csv_and_xlsx_with_masked_ID_numbers()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");
        var (name, idNumber) = await host.FirstPersonAsync("zhenjiang");

        using var csv = await client.GetAsync($"/people/export.csv?q={Uri.EscapeDataString(name)}");
        using var xlsx = await client.GetAsync("/people/export.xlsx");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("参保人员.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains(idNumber[..4] + new string('*', 10) + idNumber[14..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }
}
