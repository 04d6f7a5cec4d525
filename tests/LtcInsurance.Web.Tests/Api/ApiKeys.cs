using System.Net.Http.Headers;
using System.Security.Claims;
using LtcInsurance.Application.ApiClients.CreateApiKey;
using LtcInsurance.Application.ApiClients.RevokeApiKey;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Security;
using LtcInsurance.Web.Security;
using LtcInsurance.Web.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// API keys for tests, created and revoked through the use cases as the /api-keys page sends them: in a scope of the
/// running application whose user is an institution user of the given city and provider (as a circuit's user is).
/// </summary>
public static class ApiKeys
{
    public static async Task<CreatedApiKey> CreateAsync(IServiceProvider services, string tenantId, string providerCode, string name = "测试对接")
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitUser>().Principal = Institution(tenantId, providerCode);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKeyCommand(name));
    }

    public static async Task RevokeAsync(IServiceProvider services, string tenantId, string providerCode, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitUser>().Principal = Institution(tenantId, providerCode);
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RevokeApiKeyCommand(id));
    }

    /// <summary>A client of the running application that presents <paramref name="key"/> as a bearer token.</summary>
    public static HttpClient Client(Uri address, string? key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static ClaimsPrincipal Institution(string tenantId, string providerCode) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"test-{providerCode}"),
            new Claim(ClaimTypes.Name, $"institution.test.{providerCode}"),
            new Claim(ClaimTypes.Role, Roles.Institution),
            new Claim(LtcClaimTypes.Tenant, tenantId),
            new Claim(LtcClaimTypes.ProviderCode, providerCode),
        ], "test", ClaimTypes.Name, ClaimTypes.Role));
}
