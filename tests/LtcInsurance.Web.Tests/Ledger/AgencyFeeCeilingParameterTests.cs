using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>The agency-fee ceiling is a policy parameter of the city, listed with the city's other figures and read by the ledger.</summary>
[Collection(WebCollection.Name)]
public sealed class AgencyFeeCeilingParameterTests(LtcWebHost host)
{
    [Fact]
    public async Task Yulins_ceiling_of_five_percent_including_assessment_fees_is_listed_among_its_parameters()
    {
        using var client = await SignedInAsync("auditor.yulin");

        var html = await client.GetStringAsync("/policies");

        Assert.Contains("agencyFeeCeiling.ratio", html, StringComparison.Ordinal);
        Assert.Contains("agencyFeeCeiling.includesAssessmentFees", html, StringComparison.Ordinal);
        Assert.Contains("YL 三(六)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yulins_overview_measures_fees_against_the_binding_five_percent_rule()
    {
        using var client = await SignedInAsync("auditor.yulin");

        var html = await client.GetStringAsync("/ledger?year=2027");

        Assert.Contains("data-testid=\"fee-usage\"", html, StringComparison.Ordinal);
        Assert.Contains("YL 三(六)", html, StringComparison.Ordinal);
        Assert.Contains("× 5", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shishi_declares_no_ceiling_so_none_is_shown()
    {
        using var client = await SignedInAsync("auditor.shishi");

        var html = await client.GetStringAsync("/ledger");

        Assert.Contains("data-testid=\"fee-ceiling-unset\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("agencyFeeCeiling.ratio", await client.GetStringAsync("/policies"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }
}
