using System.Net;
using System.Text.Json;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// /api/v1 answers only to an API key (Authorization: Bearer or X-Api-Key): 401 problem+json in Chinese without one, with
/// a malformed, unknown, tampered or revoked one; the key is stored only as a hash and its use is recorded.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApiAuthenticationTests(LtcWebHost host)
{
    private const string Probe = "/api/v1/return-codes";

    [Fact]
    public async Task Without_a_key_the_api_answers_401_problem_json_in_Chinese()
    {
        using var client = ApiKeys.Client(host.ServerAddress, null);

        using var response = await client.GetAsync("/api/v1/claims");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("缺少 API 密钥", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("ltc.yulin.0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ltc.Robert');DROP TABLE api_keys;--.0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_bad_key_is_401(string key)
    {
        using var client = ApiKeys.Client(host.ServerAddress, key);

        using var response = await client.GetAsync(Probe);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("无效或已吊销", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_is_accepted_in_either_header_stored_only_hashed_and_refused_once_revoked()
    {
        var created = await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, "YL0002", "吊销测试");
        Assert.StartsWith("ltc.yulin.", created.Key, StringComparison.Ordinal);

        using (var bearer = ApiKeys.Client(host.ServerAddress, created.Key))
        using (var response = await bearer.GetAsync(Probe))
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        using (var header = ApiKeys.Client(host.ServerAddress, null))
        {
            header.DefaultRequestHeaders.Add("X-Api-Key", created.Key);
            using var response = await header.GetAsync(Probe);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var stored = await host.QueryAsOwnerAsync<string>("SELECT secret_hash FROM api_keys WHERE id = @id", ("id", created.Id));
        var secret = created.Key[(created.Key.LastIndexOf('.') + 1)..];
        Assert.Equal(64, stored.Length);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.True(await host.QueryAsOwnerAsync<bool>("SELECT last_used_at IS NOT NULL FROM api_keys WHERE id = @id", ("id", created.Id)));

        // The same key presented as another city's: looked up in that city, where it does not exist.
        using (var tampered = ApiKeys.Client(host.ServerAddress, created.Key.Replace("ltc.yulin.", "ltc.jining.", StringComparison.Ordinal)))
        using (var response = await tampered.GetAsync(Probe))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        await ApiKeys.RevokeAsync(host.Services, TenantIds.Yulin, "YL0002", created.Id);

        using var revoked = ApiKeys.Client(host.ServerAddress, created.Key);
        using var refused = await revoked.GetAsync(Probe);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_in_user_without_a_key_is_not_let_into_the_api_by_the_cookie()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "institution.yulin");

        using var response = await client.GetAsync(Probe);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
