using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) describes the claims endpoints and the bearer key; the reference page (/scalar)
/// renders in a browser under its own Content-Security-Policy, whose script nonce is fresh per response and which
/// applies to that page only.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class OpenApiTests(LtcWebHost host)
{
    [Fact]
    public async Task The_document_lists_the_claims_endpoints_and_the_bearer_scheme()
    {
        using var client = new HttpClient { BaseAddress = host.ServerAddress };

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/claims", out var claims));
        Assert.True(claims.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/claims/{id}/withdraw", out _));
        Assert.True(paths.TryGetProperty("/api/v1/return-codes", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_reference_page_carries_a_fresh_nonce_in_its_own_policy()
    {
        using var client = new HttpClient { BaseAddress = host.ServerAddress };

        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/scalar");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            var nonce = Nonce().Match(policy);
            Assert.True(nonce.Success, policy);
            var scripts = policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe", scripts, StringComparison.Ordinal);
            Assert.Contains($"nonce=\"{nonce.Groups[1].Value}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            nonces.Add(nonce.Groups[1].Value);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
        using var login = await client.GetAsync("/account/login");
        Assert.DoesNotContain("nonce-", string.Join(' ', login.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_page_renders_in_a_browser_without_policy_violations()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.ServerAddress.ToString() });
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                    violations.Add(message.Text);
            };
            await page.GotoAsync("/scalar");
            await page.GetByText("提交月度结算申报").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            Assert.Empty(violations);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'")]
    private static partial Regex Nonce();
}
