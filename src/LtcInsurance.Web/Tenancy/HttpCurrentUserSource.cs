using System.Security.Claims;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Web.Tenancy;

/// <summary>The signed-in user of the current HTTP request, with the tenant they act for (<see cref="HttpCurrentTenant.Resolve"/>).</summary>
public sealed class HttpCurrentUserSource(IHttpContextAccessor httpContextAccessor) : ICurrentUserSource
{
    public CurrentUser Current => From(httpContextAccessor.HttpContext?.User, ClientAddress(httpContextAccessor.HttpContext));

    /// <summary>The client's address as the forwarded-headers middleware left it (the configured proxy's X-Forwarded-For).</summary>
    public static string? ClientAddress(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();

    public static CurrentUser From(ClaimsPrincipal? principal, string? clientAddress = null)
    {
        if (principal?.Identity?.IsAuthenticated != true)
            return CurrentUser.Anonymous;
        var roles = principal.FindAll(principal.Identities.First().RoleClaimType).Select(c => c.Value).Distinct().ToArray();
        return new CurrentUser(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.Identity.Name,
            HttpCurrentTenant.Resolve(principal),
            roles)
        {
            ProviderCode = principal.FindFirstValue(Security.LtcClaimTypes.ProviderCode),
            ClientAddress = clientAddress,
            ApiKeyId = principal.FindFirstValue(Api.ApiKeyAuthenticationHandler.KeyIdClaim),
        };
    }
}
