using System.Net;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Policies;

[Collection(WebCollection.Name)]
public sealed class PolicyExplorerPageTests(LtcWebHost host)
{
    /// <summary>Level 5 (per-diem 45): a cheaper day pays its charge, a dearer day pays the per-diem, a bed charge pays nothing.</summary>
    private const string YulinInstitutionMonth = """
        {
          "month": "2027-04",
          "beneficiary": { "level": 5, "entitledFrom": "2027-04-01", "entitledTo": null, "yearToDateFundPaid": 0 },
          "serviceMode": "institution",
          "lines": [
            { "date": "2027-04-01", "category": "care", "item": "B01", "amount": 30.00 },
            { "date": "2027-04-02", "category": "care", "item": "B01", "amount": 50.00 },
            { "date": "2027-04-03", "category": "bed", "item": "B02", "amount": 20.00 }
          ],
          "hospitalStays": [],
          "parameters": { "previousYearDisposableIncomePerCapita": 36000 }
        }
        """;

    [Theory]
    [InlineData("clerk")]
    [InlineData("institution")]
    [InlineData("assessor")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task Every_role_of_a_city_can_open_the_policy_explorer(string role)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, role + ".yulin");

        using var response = await client.GetAsync("/policies");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("玉林市长期护理保险", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/policies\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yulin_page_shows_the_scheme_and_lists_the_per_diems_with_their_clause()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        var html = await client.GetStringAsync("/policies");

        Assert.Contains("data-testid=\"policy-start\">2027-01-01<", html, StringComparison.Ordinal);
        foreach (var (level, perDiem) in new[] { (3, "35"), (4, "40"), (5, "45") })
        {
            var row = PolicyForm.ParameterRow(html, $"perDiem.institution.level{level}");
            Assert.Contains("YL 二(四)4(3)", row, StringComparison.Ordinal);
            Assert.Contains("yuan/day", row, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"font-monospace\">{perDiem}</span>", row, StringComparison.Ordinal);
            Assert.DoesNotContain("parameter-unset", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Zhenjiang_page_marks_the_contribution_standard_left_to_local_rules_as_unset()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "auditor.zhenjiang");

        var html = await client.GetStringAsync("/policies");

        Assert.Contains("镇政办发〔2023〕18号", html, StringComparison.Ordinal);
        var row = PolicyForm.ParameterRow(html, "employeeIndividualShare");
        Assert.Contains("ZJ 二(三)", row, StringComparison.Ordinal);
        Assert.Contains("未设定（须由管理员设定）", row, StringComparison.Ordinal);
        // a figure the document does fix is shown as a value, not as unset
        Assert.DoesNotContain("parameter-unset", PolicyForm.ParameterRow(html, "schemeStart"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_a_Yulin_institution_month_shows_the_fund_amount_and_the_trace_with_clauses()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        using var response = await PolicyForm.PostPageAsync(client, "settlement", YulinInstitutionMonth, "2027-04-30");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"calc-fund-pays\">¥75.00<", html, StringComparison.Ordinal);
        Assert.Contains("¥100.00", html, StringComparison.Ordinal); // billed
        Assert.Contains("按床日支付", html, StringComparison.Ordinal);
        Assert.Contains("perDiem.institution.level5 = 45", html, StringComparison.Ordinal);
        var clauses = PolicyForm.TraceClauses(html);
        Assert.Contains("YL 二(四)4(3)", clauses);
        Assert.Contains("YL 二(四)6", clauses);
        Assert.All(clauses, c => Assert.StartsWith("YL ", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Htmx_post_answers_with_the_result_fragment_only()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "institution.yulin");

        using var response = await PolicyForm.PostFragmentAsync(client, "settlement", YulinInstitutionMonth, "2027-04-30");
        var fragment = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"calc-result\"", fragment.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains("¥75.00", fragment, StringComparison.Ordinal);
        Assert.Contains("YL 二(四)4(3)", PolicyForm.TraceClauses(fragment));
    }

    [Theory]
    [InlineData("/policies?kind=settlement")]
    [InlineData("/policies/calculate")]
    public async Task Invalid_JSON_is_a_Chinese_error_on_the_page_not_a_server_error(string path)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        using var response = path.StartsWith("/policies/calculate", StringComparison.Ordinal)
            ? await PolicyForm.PostFragmentAsync(client, "settlement", "{ \"month\": \"2027-04\", ", "2027-04-30")
            : await PolicyForm.PostPageAsync(client, "settlement", "{ \"month\": \"2027-04\", ", "2027-04-30");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"calc-error-code\">invalid_input<", html, StringComparison.Ordinal);
        Assert.Contains("不是有效的 JSON", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/policies?kind=settlement")]
    [InlineData("/policies/calculate")]
    public async Task A_request_the_validator_refuses_is_a_Chinese_error_on_the_page_not_a_server_error(string path)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        using var response = path.StartsWith("/policies/calculate", StringComparison.Ordinal)
            ? await PolicyForm.PostFragmentAsync(client, "settlement", YulinInstitutionMonth, "30/04/2027")
            : await PolicyForm.PostPageAsync(client, "settlement", YulinInstitutionMonth, "30/04/2027");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"calc-error-code\">invalid_input<", html, StringComparison.Ordinal);
        Assert.Contains("须为 YYYY-MM-DD", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_figure_left_to_local_rules_stops_the_calculation_with_parameter_missing()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");
        var input = """
            { "person": { "birthDate": "1960-01-01", "regionCode": "321102", "medicalInsurance": "employee", "employment": "employed", "statuses": [] },
              "period": "2024" }
            """;

        using var response = await PolicyForm.PostPageAsync(client, "contribution", input, "2024-03-01");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"calc-error-code\">parameter_missing<", html, StringComparison.Ordinal);
        Assert.Contains("缺少参数", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_has_an_example_that_the_engine_answers_without_an_input_error()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        foreach (var kind in new[] { "eligibility", "contribution", "assessment", "settlement", "entitlement" })
        {
            var page = await client.GetStringAsync("/policies?kind=" + kind);
            var input = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<textarea[^>]*>(.*?)</textarea>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);
            var asOf = System.Text.RegularExpressions.Regex.Match(page, "name=\"asOf\" value=\"([0-9-]+)\"").Groups[1].Value;

            using var response = await PolicyForm.PostFragmentAsync(client, kind, input, asOf);
            var fragment = await response.Content.ReadAsStringAsync();

            Assert.True(fragment.Contains("data-testid=\"calc-trace\"", StringComparison.Ordinal), $"{kind} example did not calculate: {fragment}");
        }
    }

    [Theory]
    [InlineData("/policies?kind=settlement")]
    [InlineData("/policies/calculate")]
    public async Task A_calculation_post_without_the_antiforgery_token_is_refused(string path)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "policy-calculation",
            ["kind"] = "settlement",
            ["input"] = YulinInstitutionMonth,
            ["asOf"] = "2027-04-30",
        };

        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("¥75.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tenant_comes_from_the_signed_in_user_and_cannot_be_overridden_by_the_form()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");
        // a Zhenjiang resident, with the case and the form both claiming Zhenjiang
        var input = """
            { "tenant": "zhenjiang",
              "person": { "birthDate": "1955-06-01", "regionCode": "321102", "medicalInsurance": "employee", "employment": "employed", "statuses": [] } }
            """;

        using var page = await PolicyForm.PostPageAsync(client, "eligibility", input, "2027-02-01", ("tenant", "zhenjiang"));
        using var fragment = await PolicyForm.PostFragmentAsync(client, "eligibility", input, "2027-02-01", ("tenant", "zhenjiang"));

        foreach (var html in new[] { await page.Content.ReadAsStringAsync(), await fragment.Content.ReadAsStringAsync() })
        {
            // answered by Yulin's scheme: the person lives outside Yulin's area
            Assert.Contains("outside_scheme_area", html, StringComparison.Ordinal);
            var clauses = PolicyForm.TraceClauses(html);
            Assert.NotEmpty(clauses);
            Assert.All(clauses, c => Assert.StartsWith("YL ", c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Platform_admin_without_a_chosen_tenant_is_asked_to_choose_one()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "admin");

        using var response = await client.GetAsync("/policies");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"policy-no-tenant\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"policy-form\"", html, StringComparison.Ordinal);
    }
}
