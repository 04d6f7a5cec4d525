using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Claims;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// The claims endpoints over the claims use cases, on a clock inside the January 2027 window: a submission with an
/// Idempotency-Key is stored once however often it is sent (the same key with another body is refused), the claim is read
/// back with its lines and amounts and listed; another provider's key of the same city neither reads nor withdraws it (403) while its
/// own key withdraws it; an unknown id, or another city's claim, is 404; a claim with bad lines is refused with 422 naming every line and its return code.
/// </summary>
[Collection(ClaimsApiCollection.Name)]
public sealed class ClaimsApiTests(ClaimsHost host)
{
    [Fact]
    public async Task An_idempotent_resubmission_stores_one_claim_and_another_body_under_the_key_is_refused()
    {
        var provider = await host.ProviderAsync();
        var key = (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, provider.Code)).Key;
        using var client = ApiKeys.Client(host.ServerAddress, key);
        var body = Claim(provider, 3);
        var idempotencyKey = "claim-" + Guid.NewGuid().ToString("N");

        using var first = await PostAsync(client, body, idempotencyKey);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.Created, $"{(int)first.StatusCode}: {firstText}");
        using var second = await PostAsync(client, body, idempotencyKey);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(firstText, await second.Content.ReadAsStringAsync());

        using var claim = JsonDocument.Parse(firstText);
        var id = claim.RootElement.GetProperty("id").GetGuid();
        Assert.Equal(provider.Code, claim.RootElement.GetProperty("providerCode").GetString());
        Assert.Equal(6, claim.RootElement.GetProperty("lines").GetArrayLength());
        Assert.Equal(330m, claim.RootElement.GetProperty("billed").GetDecimal());
        Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
            "SELECT count(*) FROM claims c JOIN institutions i ON i.tenant_id = c.tenant_id AND i.id = c.institution_id WHERE i.code = @code",
            ("code", provider.Code)));

        using var other = await PostAsync(client, Claim(provider, 2), idempotencyKey);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotency_key_reused", (await ApiAuthenticationTests.ProblemAsync(other)).GetProperty("code").GetString());

        using var read = await client.GetAsync($"/api/v1/claims/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var list = await client.GetAsync("/api/v1/claims?month=2027-01");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal(1, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(id, page.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Another_providers_key_cannot_read_or_withdraw_the_claim_and_the_own_key_withdraws_it()
    {
        var owner = await host.ProviderAsync();
        var stranger = await host.ProviderAsync();
        using var ownerClient = ApiKeys.Client(host.ServerAddress, (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, owner.Code)).Key);
        using var strangerClient = ApiKeys.Client(host.ServerAddress, (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, stranger.Code)).Key);
        using var submitted = await PostAsync(ownerClient, Claim(owner, 1), null);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var read = await strangerClient.GetAsync($"/api/v1/claims/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("forbidden", (await ApiAuthenticationTests.ProblemAsync(read)).GetProperty("code").GetString());
        using var withdraw = await strangerClient.PostAsync($"/api/v1/claims/{id}/withdraw", JsonContent("{\"reason\": \"不是我的\"}"));
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal("application/problem+json", withdraw.Content.Headers.ContentType?.MediaType);
        using var strangerList = await strangerClient.GetAsync("/api/v1/claims");
        Assert.Equal(0, (await strangerList.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());

        using var withdrawn = await ownerClient.PostAsync($"/api/v1/claims/{id}/withdraw", JsonContent("{\"reason\": \"更正后重报\"}"));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_claim_id_that_does_not_exist_or_belongs_to_another_city_is_404_not_403()
    {
        var owner = await host.ProviderAsync();
        var stranger = await host.ProviderAsync();
        using var ownerClient = ApiKeys.Client(host.ServerAddress, (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, owner.Code)).Key);
        using var strangerClient = ApiKeys.Client(host.ServerAddress, (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, stranger.Code)).Key);
        var jiningCode = await host.InstitutionAsync(TenantIds.Jining);
        using var jiningClient = ApiKeys.Client(host.ServerAddress, (await ApiKeys.CreateAsync(host.Services, TenantIds.Jining, jiningCode)).Key);
        using var submitted = await PostAsync(ownerClient, Claim(owner, 1), null);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var (client, claimId) in new[] { (strangerClient, Guid.CreateVersion7()), (jiningClient, id) })
        {
            using var read = await client.GetAsync($"/api/v1/claims/{claimId}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
            using var withdraw = await client.PostAsync($"/api/v1/claims/{claimId}/withdraw", JsonContent("{\"reason\": \"试探\"}"));
            Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
            Assert.Equal("application/problem+json", withdraw.Content.Headers.ContentType?.MediaType);
        }

        using var stillThere = await ownerClient.GetAsync($"/api/v1/claims/{id}");
        Assert.Equal("submitted", (await stillThere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_claim_with_bad_lines_is_422_naming_every_line_and_its_return_code()
    {
        var provider = await host.ProviderAsync();
        using var client = ApiKeys.Client(host.ServerAddress, (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, provider.Code)).Key);
        var body = $$"""
            {"month": "2027-01", "lines": [
              {"lineNo": 1, "idNumber": "{{provider.IdNumber}}", "day": "2027-01-03", "itemCode": "{{provider.CareItem}}", "quantity": 1, "amount": 80.00},
              {"lineNo": 2, "idNumber": "450902199001011234", "day": "2027-01-03", "itemCode": "{{provider.CareItem}}", "quantity": 1, "amount": 80.00},
              {"lineNo": 3, "idNumber": "{{provider.IdNumber}}", "day": "2027-02-01", "itemCode": "{{provider.CareItem}}", "quantity": 1, "amount": 80.00},
              {"lineNo": 4, "idNumber": "{{provider.IdNumber}}", "day": "2027-01-04", "itemCode": "NO-SUCH-ITEM", "quantity": 1, "amount": 80.00}
            ]}
            """;

        using var response = await PostAsync(client, body, null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Contains("未被接受", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lines = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("line").ValueKind == JsonValueKind.Number ? e.GetProperty("line").GetInt32() : 0).ToHashSet();
        Assert.Superset(new HashSet<int> { 2, 3, 4 }, lines);
        Assert.All(problem.RootElement.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("code").GetString())));
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>(
            "SELECT count(*) FROM claims c JOIN institutions i ON i.tenant_id = c.tenant_id AND i.id = c.institution_id WHERE i.code = @code",
            ("code", provider.Code)));
    }

    [Fact]
    public async Task The_return_code_catalogue_is_published()
    {
        var provider = await host.ProviderAsync();
        using var client = ApiKeys.Client(host.ServerAddress, (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, provider.Code)).Key);

        using var response = await client.GetAsync("/api/v1/return-codes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(codes.EnumerateArray(), c => c.GetProperty("code").GetString() == "not_entitled"
                                                    && !string.IsNullOrEmpty(c.GetProperty("text").GetString())
                                                    && !string.IsNullOrEmpty(c.GetProperty("clause").GetString()));
    }

    /// <summary>Care and bed on each of the first <paramref name="days"/> days of January 2027.</summary>
    private static string Claim(ClaimsProvider provider, int days)
    {
        var lines = Enumerable.Range(1, days).SelectMany(d => new[]
        {
            $"{{\"lineNo\": {2 * d - 1}, \"idNumber\": \"{provider.IdNumber}\", \"day\": \"2027-01-{d:D2}\", \"itemCode\": \"{provider.CareItem}\", \"quantity\": 1, \"amount\": 80.00}}",
            $"{{\"lineNo\": {2 * d}, \"idNumber\": \"{provider.IdNumber}\", \"day\": \"2027-01-{d:D2}\", \"itemCode\": \"{provider.BedItem}\", \"quantity\": 1, \"amount\": 30.00}}",
        });
        return $"{{\"month\": \"2027-01\", \"lines\": [{string.Join(", ", lines)}]}}";
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = JsonContent(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }
}
