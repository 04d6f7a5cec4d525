using System.Net;
using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// API 密钥 in a browser: Jining's institution user creates a key, sees it once in the dialog, finds it in the list by its
/// prefix (never the secret), uses it on the API, revokes it on the page, and the API refuses it from then on.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ApiKeysPageTests(LtcWebHost host)
{
    [Fact]
    public async Task An_institution_creates_a_key_sees_it_once_uses_it_and_revokes_it()
    {
        await using var session = await UiSession.SignInAsync(host, "institution.jining");
        var page = session.Page;
        await session.OpenAsync("/api-keys");
        await page.Locator("[data-testid=apikeys-table]").WaitForAsync();
        await session.AssertAccessibleAsync();

        var name = "页面测试 " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#apikeys-name", name);
        await page.ClickAsync("[data-testid=apikeys-create]");
        var value = page.Locator("[data-testid=apikey-value]");
        await value.WaitForAsync();
        var key = (await value.InnerTextAsync()).Trim();
        Assert.Matches(KeyShape(), key);
        await session.AssertAccessibleAsync();
        await page.ClickAsync("[data-testid=apikey-close]");
        await value.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        var row = page.Locator("[data-testid=apikeys-row]", new PageLocatorOptions { HasTextString = name });
        await row.WaitForAsync();
        var rowText = await row.InnerTextAsync();
        Assert.Contains("JN0001", rowText, StringComparison.Ordinal);
        Assert.DoesNotContain(key[(key.LastIndexOf('.') + 1)..], await page.ContentAsync(), StringComparison.Ordinal);

        using (var client = ApiKeys.Client(host.ServerAddress, key))
        using (var response = await client.GetAsync("/api/v1/return-codes"))
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);

        await row.Locator("[data-testid=apikeys-revoke]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "吊销" }).ClickAsync();
        await page.Locator("[data-testid=apikeys-done]").WaitForAsync();
        await row.GetByText("已吊销").First.WaitForAsync();
        Assert.Contains("已吊销", await row.InnerTextAsync(), StringComparison.Ordinal);

        using var revoked = ApiKeys.Client(host.ServerAddress, key);
        using var refused = await revoked.GetAsync("/api/v1/return-codes");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [GeneratedRegex(@"^ltc\.jining\.[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyShape();
}
