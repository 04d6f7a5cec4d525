using System.Net;
using System.Text;
using System.Text.Json;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Claims;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// Issue #14 item 2: a change made through the REST API is on the audit trail — the key's client as the user, the key's
/// id, the caller's address, the command, the new claim as the entity, the outcome.
/// </summary>
[Collection(ClaimsApiCollection.Name)]
public sealed class ClaimsApiAuditTests(ClaimsHost host)
{
    [Fact]
    public async Task A_claim_posted_through_the_API_is_recorded_with_the_key_the_address_and_the_claim()
    {
        var provider = await host.ProviderAsync();
        var created = await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, provider.Code, "审计对接");
        using var client = ApiKeys.Client(host.ServerAddress, created.Key);
        var lines = $"{{\"lineNo\": 1, \"idNumber\": \"{provider.IdNumber}\", \"day\": \"2027-01-02\", \"itemCode\": \"{provider.CareItem}\", \"quantity\": 1, \"amount\": 80.00}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims")
        {
            Content = new StringContent($"{{\"month\": \"2027-01\", \"lines\": [{lines}]}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "audit-" + Guid.NewGuid().ToString("N"));

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        var claim = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid().ToString();

        var line = await host.QueryAsOwnerAsync<string>(
            """
            SELECT concat_ws('|', action, outcome, kind, entity_type, api_key_id, client_address, user_name)
            FROM audit_events WHERE tenant_id = 'yulin' AND entity_id = @claim AND kind = 'change'
            """, ("claim", claim));
        var parts = line.Split('|');
        Assert.Equal(["SubmitClaim", "succeeded", "change", "Claim"], parts[..4]);
        Assert.Equal(created.Id.ToString("N"), parts[4]);
        Assert.False(string.IsNullOrWhiteSpace(parts[5]), "the caller's address");
        Assert.False(string.IsNullOrWhiteSpace(parts[6]), "the key's client as the user");
    }
}
